package org.adaptivestream.media;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Writes the four renditions of one video side by side, frame by frame. Every rung gets the
 * same frame indices and the same keyframe schedule (a keyframe every {@code gopFrames}
 * frames), which is what makes keyframes line up across renditions. Rungs are painted and
 * encoded in parallel, one task per rung per frame.
 */
final class LadderEncoder implements AutoCloseable {

    /** Paints the current frame for one rung into that rung's picture. Called on worker threads, one rung each. */
    @FunctionalInterface
    interface Painter {
        void paint(Rung rung, AVFrame picture) throws MediaException;
    }

    private final int gopFrames;
    private final Map<Rung, RenditionEncoder> encoders = new EnumMap<>(Rung.class);
    private final Map<Rung, AVFrame> pictures = new EnumMap<>(Rung.class);
    private final ExecutorService workers;
    private long framesWritten;

    LadderEncoder(Path folder, FrameRate rate, int gopFrames) throws MediaException {
        this.gopFrames = gopFrames;
        int threads = Math.min(Rung.values().length, Runtime.getRuntime().availableProcessors());
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "rendition-encoder-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (Rung rung : Rung.values()) {
                pictures.put(rung, YuvPictures.allocateBlack(rung.width(), rung.height()));
                encoders.put(rung, new RenditionEncoder(folder.resolve(fileName(rung)), rung.width(), rung.height(),
                        rate, gopFrames, rung.targetBitsPerSecond()));
            }
        } catch (MediaException | RuntimeException e) {
            close();
            throw e;
        }
    }

    static String fileName(Rung rung) {
        return rung.label() + ".mp4";
    }

    /** Paints one frame for every rung and encodes it {@code repeats} times (0 drops it unpainted). */
    void write(Painter painter, int repeats) throws MediaException {
        if (repeats <= 0) {
            return;
        }
        long firstIndex = framesWritten;
        List<Future<Void>> tasks = new ArrayList<>();
        for (Rung rung : Rung.values()) {
            tasks.add(workers.submit(() -> {
                AVFrame picture = pictures.get(rung);
                // The encoder may still hold a reference to the last picture; never paint over it.
                if (av_frame_make_writable(picture) < 0) {
                    throw new EncodeException("Cannot reuse the " + rung + " picture buffer");
                }
                painter.paint(rung, picture);
                RenditionEncoder encoder = encoders.get(rung);
                for (int i = 0; i < repeats; i++) {
                    long index = firstIndex + i;
                    encoder.encode(picture, index, index % gopFrames == 0);
                }
                return null;
            }));
        }
        awaitAll(tasks);
        framesWritten += repeats;
    }

    long framesWritten() {
        return framesWritten;
    }

    /** Completes every file. */
    void finish() throws MediaException {
        List<Future<Void>> tasks = new ArrayList<>();
        for (RenditionEncoder encoder : encoders.values()) {
            tasks.add(workers.submit(() -> {
                encoder.finish();
                return null;
            }));
        }
        awaitAll(tasks);
    }

    /** Waits for every task, even after one fails, so no worker still touches a picture when we clean up. */
    private static void awaitAll(List<Future<Void>> tasks) throws MediaException {
        Throwable failure = null;
        boolean interrupted = false;
        for (Future<Void> task : tasks) {
            while (true) {
                try {
                    task.get();
                    break;
                } catch (ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof MediaException media) {
            throw media;
        } else if (failure instanceof RuntimeException runtime) {
            throw runtime;
        } else if (failure instanceof Error error) {
            throw error;
        } else if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    @Override
    public void close() {
        workers.shutdown();
        encoders.values().forEach(RenditionEncoder::close);
        encoders.clear();
        pictures.values().forEach(YuvPictures::free);
        pictures.clear();
    }
}
