package org.adaptivestream.netlab;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Objects;

/**
 * Switches the network lab on: the one way the command line, tests, benchmarks and the GUI
 * put an emulated link between a client and a server.
 *
 * <pre>{@code
 * try (EmulatedLink link = NetworkLab.start(server.address(), NetworkProfiles.byName("3g"))) {
 *     client.connect(link.localAddress());   // instead of server.address()
 * }
 * }</pre>
 *
 * To compare two sessions under the same conditions, give both links one {@link TraceClock}:
 * they then replay the trace in step however far apart they start.
 */
public final class NetworkLab {

    private NetworkLab() {
    }

    /** A link on a loopback ephemeral port whose trace starts now. */
    public static EmulatedLink start(InetSocketAddress upstream, NetworkProfile profile) throws IOException {
        return start(upstream, profile, TraceClock.startingNow());
    }

    /** A link on a loopback ephemeral port replaying its trace on the given clock. */
    public static EmulatedLink start(InetSocketAddress upstream, NetworkProfile profile, TraceClock clock)
            throws IOException {
        return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), upstream, profile, clock);
    }

    /**
     * A link listening where asked.
     *
     * @throws BindException with the address in its message, if it is in use
     */
    public static EmulatedLink start(InetSocketAddress listen, InetSocketAddress upstream, NetworkProfile profile,
            TraceClock clock) throws IOException {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(clock, "clock");
        if (upstream.isUnresolved()) {
            throw new IOException("upstream host " + upstream.getHostString() + " cannot be resolved");
        }
        ServerSocket server = new ServerSocket();
        try {
            // Accepted sockets inherit it: what the client sends waits in the uplink's queue, not the kernel's.
            server.setReceiveBufferSize(RelayedConnection.SOCKET_RECEIVE_BYTES);
            server.bind(listen);
        } catch (BindException e) {
            server.close();
            BindException clear = new BindException("cannot listen on " + listen + ": " + e.getMessage());
            clear.initCause(e);
            throw clear;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return new RelayLink(server, upstream, profile, clock).start();
    }
}
