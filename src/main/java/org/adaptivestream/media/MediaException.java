package org.adaptivestream.media;

/**
 * A media operation failed for a reason a user can act on. Every subclass names one kind of
 * failure, and its message says what went wrong and where (the file or id involved), so it can
 * be shown as is.
 */
public class MediaException extends Exception {
    private static final long serialVersionUID = 1L;

    public MediaException(String message) {
        super(message);
    }

    public MediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
