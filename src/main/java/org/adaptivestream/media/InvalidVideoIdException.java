package org.adaptivestream.media;

/** A video id breaks the id rules; refused before any file is touched. */
public final class InvalidVideoIdException extends MediaException {
    private static final long serialVersionUID = 1L;

    public InvalidVideoIdException(String message) {
        super(message);
    }

    public InvalidVideoIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
