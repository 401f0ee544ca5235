package org.adaptivestream.media;

/**
 * Receives progress of long media work. Called on the worker's thread, a few times a second
 * and once with fraction 1 at the end; implementations must be quick and must hand the value
 * to their own thread (the GUI's FX thread, say) themselves.
 */
@FunctionalInterface
public interface ProgressListener {

    void onProgress(PrepareProgress progress);

    static ProgressListener none() {
        return progress -> { };
    }
}
