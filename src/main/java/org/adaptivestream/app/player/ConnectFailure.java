package org.adaptivestream.app.player;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import org.adaptivestream.app.Format;

/** Why a connection failed, in words a user can act on. */
final class ConnectFailure {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private ConnectFailure() {
    }

    /** Empty if a TCP connection to the address opens within a short time, else why not. */
    static Optional<IOException> reachable(String h, int p) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(h, p), (int) PROBE_TIMEOUT.toMillis());
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e);
        }
    }

    static String describe(Exception e, String h, int p) {
        if (e instanceof ConnectException) {
            return "Nothing is listening on " + h + ":" + p + " (" + Format.failure(e) + "). Is the server started, on this port?";
        }
        if (e instanceof UnknownHostException) {
            return "Unknown host '" + h + "': check the name, or use the server's IP address.";
        }
        if (e instanceof SocketTimeoutException) {
            return "No answer from " + h + ":" + p + " in time (" + Format.failure(e) + "). A firewall, or the wrong address?";
        }
        if (e instanceof NoRouteToHostException) {
            return "No route to " + h + " (" + Format.failure(e) + "): is the network up?";
        }
        return Format.failure(e);
    }
}
