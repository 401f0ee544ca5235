package org.adaptivestream.protocol;

import java.io.IOException;

/**
 * Bytes from the peer that break the wire protocol. Every subclass names one rule and its
 * message carries the offending value.
 *
 * <p>{@link #framingIntact()} tells a reader whether the frame boundaries are still known: if
 * so, the bad frame has been (or will be) skipped and the next frame can be read; if not, the
 * byte stream can no longer be split into frames and the connection must be dropped.
 */
public abstract sealed class ProtocolException extends IOException
        permits FrameTooLargeException, MalformedPayloadException, NegativeLengthException,
                TruncatedFrameException, UnknownMessageTypeException {

    private static final long serialVersionUID = 1L;

    protected ProtocolException(String message) {
        super(message);
    }

    protected ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True if the reader skipped exactly the bad frame and can go on with the next one. */
    public abstract boolean framingIntact();
}
