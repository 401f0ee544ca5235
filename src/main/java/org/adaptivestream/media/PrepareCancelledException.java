package org.adaptivestream.media;

/** Preparing was cancelled through its {@link CancelToken}; nothing was left behind. */
public final class PrepareCancelledException extends MediaException {
    private static final long serialVersionUID = 1L;

    public PrepareCancelledException(String message) {
        super(message);
    }

    public PrepareCancelledException(String message, Throwable cause) {
        super(message, cause);
    }
}
