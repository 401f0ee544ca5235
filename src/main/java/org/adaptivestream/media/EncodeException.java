package org.adaptivestream.media;

/** The encoder or muxer failed while writing a rendition. */
public final class EncodeException extends MediaException {
    private static final long serialVersionUID = 1L;

    public EncodeException(String message) {
        super(message);
    }

    public EncodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
