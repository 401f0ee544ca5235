package org.adaptivestream.media;

/** The library folder (or a rendition file in it) cannot be created or written. */
public final class OutputNotWritableException extends MediaException {
    private static final long serialVersionUID = 1L;

    public OutputNotWritableException(String message) {
        super(message);
    }

    public OutputNotWritableException(String message, Throwable cause) {
        super(message, cause);
    }
}
