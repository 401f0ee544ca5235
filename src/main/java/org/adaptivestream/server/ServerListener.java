package org.adaptivestream.server;

/**
 * What the server tells its observers (the command line's log, the desktop dashboard). Called
 * on the server's own threads, so implementations must be thread-safe and quick: hand work
 * elsewhere rather than block a session.
 */
public interface ServerListener {

    ServerListener NONE = new ServerListener() {
    };

    /** A client completed the handshake and said hello. */
    default void sessionOpened(SessionInfo session) {
    }

    /** Something a session did worth a log line: play, switch, seek, skipped GOPs. */
    default void sessionEvent(SessionInfo session, String event) {
    }

    /** A session ended, with why. */
    default void sessionClosed(SessionInfo session, String reason) {
    }

    /** A connection was turned away before it became a session (busy, failed handshake, deadline). */
    default void connectionRefused(String remoteAddress, String reason) {
    }
}
