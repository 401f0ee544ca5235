package org.adaptivestream.media;

/** The video to prepare does not exist or is not a regular file. */
public final class InputNotFoundException extends MediaException {
    private static final long serialVersionUID = 1L;

    public InputNotFoundException(String message) {
        super(message);
    }

    public InputNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
