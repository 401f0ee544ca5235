package org.adaptivestream.media;

/**
 * Asks long media work to stop. Any thread may call {@link #cancel()}; the worker checks the
 * token between frames, cleans up and throws {@link PrepareCancelledException}.
 */
public final class CancelToken {

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** A token nobody cancels, for callers that never stop work early. */
    public static CancelToken never() {
        return new CancelToken();
    }

    void throwIfCancelled(String what) throws PrepareCancelledException {
        if (cancelled) {
            throw new PrepareCancelledException("Cancelled: " + what);
        }
    }
}
