package org.adaptivestream.protocol;

import java.util.Optional;

/** Why an {@link ErrorMessage} was sent. The wire code is a u16; 0 is never used. */
public enum ErrorCode {
    /** No protocol version in common; the connection closes. */
    UNSUPPORTED_VERSION(1),
    /** The peer broke the protocol (bad frame, message out of order); the connection closes. */
    PROTOCOL_VIOLATION(2),
    /** Play named a video the server does not have. */
    UNKNOWN_VIDEO(3),
    /** A well-formed request that cannot be honoured now (e.g. seek past the end). */
    INVALID_REQUEST(4),
    /** The server has no room for another client. */
    SERVER_BUSY(5),
    /** The server is stopping. */
    SHUTTING_DOWN(6),
    /** A bug or unexpected failure on the sending side. */
    INTERNAL_ERROR(7);

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<ErrorCode> ofCode(int code) {
        for (ErrorCode value : values()) {
            if (value.code == code) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
