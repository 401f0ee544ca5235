package org.adaptivestream.media;

/** A compressed packet could not be decoded, or a decoder could not be configured. */
public final class DecodeException extends MediaException {
    private static final long serialVersionUID = 1L;

    public DecodeException(String message) {
        super(message);
    }

    public DecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
