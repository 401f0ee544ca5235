package org.adaptivestream.server;

import java.net.InetAddress;
import java.time.Duration;
import org.adaptivestream.protocol.WireFormat;

/**
 * The server's settings and limits. Every limit exists so that one client — slow, silent,
 * hostile or just gone — cannot take resources from the others.
 *
 * @param bindAddress        where to listen; loopback by default, so nothing is exposed by accident
 * @param port               0 picks a free port
 * @param maxClients         sessions at once; one more is told the server is busy
 * @param handshakeDeadline  absolute time from accept to a completed TLS handshake and Hello;
 *                           a read timeout alone would let a peer drip bytes for ever
 * @param idleTimeout        a session that sends nothing for this long is closed (clients ping 4 times a second)
 * @param maxFrameBytes      largest frame payload accepted from a client
 * @param maxLag             a session further behind its schedule skips to the GOP that is due
 *                           (see {@link #DEFAULT_MAX_LAG})
 * @param writeStallTimeout  a single write blocked this long means the client stopped reading: disconnect
 * @param reportInterval     how often a playing session gets a {@code ServerReport}
 * @param serverName         shown to clients
 */
public record ServerConfig(
        InetAddress bindAddress,
        int port,
        int maxClients,
        Duration handshakeDeadline,
        Duration idleTimeout,
        int maxFrameBytes,
        Duration maxLag,
        Duration writeStallTimeout,
        Duration reportInterval,
        String serverName) {

    public static final int DEFAULT_PORT = 9443;
    public static final int DEFAULT_MAX_CLIENTS = 64;
    /** Connections being refused at once; past this they are closed without a TLS handshake. */
    static final int MAX_PENDING_REFUSALS = 16;
    /**
     * Video sent later than a client's playout bound (150 ms by default) is not shown: the client
     * decodes it and its picture stays frozen, so sending it only delays the video that can be
     * shown. A session this far behind its schedule therefore skips to the GOP that is due; the
     * third of a second beyond the bound keeps a hiccup of the sender's own (a garbage-collector
     * pause, a late wake-up) from costing a GOP. After an LTE link's dead second the client's
     * freeze ended 0.1–0.4 s sooner than with the earlier 2 s (docs/ADAPTATION-LOG.md).
     */
    public static final Duration DEFAULT_MAX_LAG = Duration.ofMillis(500);
    /** Requests a client may send with no frame bigger than this; video only flows the other way. */
    public static final int DEFAULT_MAX_CLIENT_FRAME_BYTES = 64 * 1024;

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, not " + port);
        }
        if (maxClients < 1) {
            throw new IllegalArgumentException("max clients must be at least 1, not " + maxClients);
        }
        if (maxLag.isNegative() || maxLag.isZero()) {
            throw new IllegalArgumentException("max lag must be positive, not " + maxLag.toMillis() + " ms");
        }
        if (maxFrameBytes < 1 || maxFrameBytes > WireFormat.DEFAULT_MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("max frame size must be 1.." + WireFormat.DEFAULT_MAX_PAYLOAD_BYTES + ", not " + maxFrameBytes);
        }
    }

    public static ServerConfig defaults() {
        return new ServerConfig(InetAddress.getLoopbackAddress(), DEFAULT_PORT, DEFAULT_MAX_CLIENTS,
                Duration.ofSeconds(5), Duration.ofSeconds(30), DEFAULT_MAX_CLIENT_FRAME_BYTES,
                DEFAULT_MAX_LAG, Duration.ofSeconds(10), Duration.ofSeconds(1), "AdaptiveStream");
    }

    public ServerConfig withPort(int value) {
        return new ServerConfig(bindAddress, value, maxClients, handshakeDeadline, idleTimeout, maxFrameBytes,
                maxLag, writeStallTimeout, reportInterval, serverName);
    }

    public ServerConfig withBindAddress(InetAddress value) {
        return new ServerConfig(value, port, maxClients, handshakeDeadline, idleTimeout, maxFrameBytes,
                maxLag, writeStallTimeout, reportInterval, serverName);
    }

    public ServerConfig withMaxClients(int value) {
        return new ServerConfig(bindAddress, port, value, handshakeDeadline, idleTimeout, maxFrameBytes,
                maxLag, writeStallTimeout, reportInterval, serverName);
    }

    /** See {@link #DEFAULT_MAX_LAG}: for clients whose playout bound is longer, a longer lag is still shown. */
    public ServerConfig withMaxLag(Duration value) {
        return new ServerConfig(bindAddress, port, maxClients, handshakeDeadline, idleTimeout, maxFrameBytes,
                value, writeStallTimeout, reportInterval, serverName);
    }

    public ServerConfig withTimeouts(Duration handshake, Duration idle, Duration writeStall) {
        return new ServerConfig(bindAddress, port, maxClients, handshake, idle, maxFrameBytes,
                maxLag, writeStall, reportInterval, serverName);
    }
}
