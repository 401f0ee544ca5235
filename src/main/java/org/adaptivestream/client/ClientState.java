package org.adaptivestream.client;

/** Where a client's connection stands. */
public enum ClientState {
    CONNECTED,
    PLAYING,
    PAUSED,
    STOPPED,
    RECONNECTING,
    ENDED,
    CLOSED
}
