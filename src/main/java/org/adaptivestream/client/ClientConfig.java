package org.adaptivestream.client;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.adaptivestream.security.ServerVerifier;

/**
 * How a client connects and plays.
 *
 * @param host          the server's name or address, as verified and remembered
 * @param port          the server's TLS port
 * @param dial          where to open the TCP connection if not the server itself: a network-lab relay
 * @param verifier      how the server's certificate is checked; there is no trust-all
 * @param clientName    shown in the server's log
 * @param targetDelay   the most the jitter-adaptive playout delay grows to: playout runs just
 *                      behind the arrivals on a clean link and up to this far behind on a jittery one
 * @param connectTimeout bound on connect and each handshake
 * @param reconnect     whether a dropped connection is retried with backoff
 */
public record ClientConfig(
        String host,
        int port,
        Optional<InetSocketAddress> dial,
        ServerVerifier verifier,
        String clientName,
        Duration targetDelay,
        Duration connectTimeout,
        boolean reconnect) {

    public static final Duration DEFAULT_TARGET_DELAY = Duration.ofMillis(400);

    public ClientConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dial, "dial");
        Objects.requireNonNull(verifier, "verifier");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, not " + port);
        }
        if (targetDelay.isNegative() || targetDelay.toMillis() > 10_000) {
            throw new IllegalArgumentException("target delay must be 0..10 s, not " + targetDelay.toMillis() + " ms");
        }
    }

    public static ClientConfig of(String host, int port, ServerVerifier verifier) {
        return new ClientConfig(host, port, Optional.empty(), verifier, "AdaptiveStream client",
                DEFAULT_TARGET_DELAY, Duration.ofSeconds(10), true);
    }

    /** The same, connecting through a relay such as the network lab's. */
    public ClientConfig via(InetSocketAddress relay) {
        return new ClientConfig(host, port, Optional.of(relay), verifier, clientName, targetDelay, connectTimeout, reconnect);
    }

    public ClientConfig withTargetDelay(Duration value) {
        return new ClientConfig(host, port, dial, verifier, clientName, value, connectTimeout, reconnect);
    }

    public ClientConfig withReconnect(boolean value) {
        return new ClientConfig(host, port, dial, verifier, clientName, targetDelay, connectTimeout, value);
    }

    public ClientConfig withClientName(String value) {
        return new ClientConfig(host, port, dial, verifier, value, targetDelay, connectTimeout, reconnect);
    }

    InetSocketAddress dialAddress() {
        return dial.orElseGet(() -> new InetSocketAddress(host, port));
    }
}
