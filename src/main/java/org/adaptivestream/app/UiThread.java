package org.adaptivestream.app;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;

/**
 * The one place that hands work to the JavaFX application thread, and the pool where slow
 * work (network, decoding, preparing, file I/O) runs instead. View models take both as plain
 * {@link Executor}s, so tests can pass same-thread ones.
 */
public final class UiThread {

    private static final AtomicInteger WORKERS = new AtomicInteger();

    private UiThread() {
    }

    /** Runs on the FX thread: at once if already there, otherwise at the next pulse. */
    public static final Executor FX = command -> {
        if (Platform.isFxApplicationThread()) {
            command.run();
        } else {
            Platform.runLater(command);
        }
    };

    /**
     * Runs on the FX thread at the next pulse, even when called there: for a change a control
     * must not see while it is still handling the current one (a combo box's value, say).
     */
    public static void later(Runnable command) {
        Platform.runLater(command);
    }

    /** A pool of daemon threads for work that must never run on the FX thread. */
    public static ExecutorService newBackgroundPool() {
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "app-worker-" + WORKERS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
