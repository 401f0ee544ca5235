package org.adaptivestream.netlab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection relayed to the upstream server through the link: four threads (read
 * and write, each way). An end of stream travels through the link like data and half-closes
 * the far side; when both directions have ended the sockets close. A reset or failure on
 * either side resets the other, as the far end of a broken TCP path would see.
 */
final class RelayedConnection {

    private static final Logger LOG = LoggerFactory.getLogger(RelayedConnection.class);
    /** Upstream is local or on the LAN; longer than this means it is not there. */
    static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    /**
     * Receive buffer of the sockets that feed a bottleneck. The relay reads them only as fast as
     * the bottleneck queue empties, so whatever their kernel buffer holds is queue in front of
     * the bottleneck that the profile does not know of: left to autotuning (up to 32 MB here),
     * it held 10 s of video through a 10 s outage, which a real bottleneck's queue never would.
     */
    static final int SOCKET_RECEIVE_BYTES = 16 * 1024;

    private final long id;
    private final Socket client;
    private final Socket upstream = new Socket();
    private final InetSocketAddress upstreamAddress;
    private final RelayLink link;
    private final List<Thread> threads = new ArrayList<>();
    private DelayLine downLine;
    private DelayLine upLine;
    private boolean closed;
    private int directionsEnded;

    RelayedConnection(long id, Socket client, InetSocketAddress upstreamAddress, RelayLink link) {
        this.id = id;
        this.client = client;
        this.upstreamAddress = upstreamAddress;
        this.link = link;
    }

    void start() {
        spawn("up-read", this::connectThenRelay);
    }

    private void connectThenRelay() {
        try {
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            upstream.setReceiveBufferSize(SOCKET_RECEIVE_BYTES);
            upstream.connect(upstreamAddress, CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            if (!isClosed()) {
                LOG.warn("netlab: cannot reach upstream {} for connection {}: {}", upstreamAddress, id, e.toString());
            }
            close(true);
            return;
        }
        DelayLine downward = link.downlink().newDelayLine(2 * id);
        DelayLine upward = link.uplink().newDelayLine(2 * id + 1);
        synchronized (this) {
            if (closed) {
                return;
            }
            downLine = downward;
            upLine = upward;
            link.downlink().track(downward);
            link.uplink().track(upward);
        }
        OneWayRelay down = new OneWayRelay(upstream, client, link.downlink().bottleneck(), downward,
                link.downlink().meter(), this);
        OneWayRelay up = new OneWayRelay(client, upstream, link.uplink().bottleneck(), upward,
                link.uplink().meter(), this);
        spawn("down-read", down::readLoop);
        spawn("down-write", down::writeLoop);
        spawn("up-write", up::writeLoop);
        up.readLoop();
    }

    /** One direction has delivered its end of stream; the second one closes the connection. */
    void directionEnded() {
        boolean both;
        synchronized (this) {
            both = ++directionsEnded == 2;
        }
        if (both) {
            close(false);
        }
    }

    /** A socket failed: reset by its peer, or written to after its peer left. */
    void failed(IOException e) {
        if (!isClosed()) {
            LOG.debug("netlab: connection {} failed: {}", id, e.toString());
            close(true);
        }
    }

    /** Closes both sockets (resetting them if asked) and stops the connection's threads. */
    void close(boolean reset) {
        List<Thread> toStop;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toStop = List.copyOf(threads);
            if (downLine != null) {
                link.downlink().forget(downLine);
                link.uplink().forget(upLine);
            }
        }
        closeSocket(client, reset);
        closeSocket(upstream, reset);
        for (Thread t : toStop) {
            if (t != Thread.currentThread()) {
                t.interrupt();
            }
        }
        link.connectionClosed(this);
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private void spawn(String role, Runnable body) {
        synchronized (this) {
            if (closed) {
                return;
            }
            threads.add(link.startThread("c" + id + "-" + role, body));
        }
    }

    private static void closeSocket(Socket socket, boolean reset) {
        try {
            if (reset && !socket.isClosed() && socket.isConnected()) {
                // Linger 0 makes close send RST instead of FIN.
                socket.setSoLinger(true, 0);
            }
        } catch (SocketException ignored) {
            // Already gone: close below is all that is left to do.
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is best effort; the peer sees the connection end either way.
        }
    }
}
