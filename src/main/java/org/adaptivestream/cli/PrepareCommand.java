package org.adaptivestream.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.adaptivestream.media.CancelToken;
import org.adaptivestream.media.InvalidVideoIdException;
import org.adaptivestream.media.Manifest;
import org.adaptivestream.media.MediaException;
import org.adaptivestream.media.MediaLibrary;
import org.adaptivestream.media.PrepareCancelledException;
import org.adaptivestream.media.PrepareProgress;
import org.adaptivestream.media.PrepareRequest;
import org.adaptivestream.media.ProgressListener;
import org.adaptivestream.media.RenditionEntry;
import org.adaptivestream.media.VideoId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code adaptivestream prepare}: a video file (or the built-in sample) into the library's four-rung ladder. */
@Command(name = "prepare",
        mixinStandardHelpOptions = true,
        description = {"Encodes a video into static/<id>/: four H.264 renditions (240p, 480p, 720p, 1080p) with "
                + "keyframes at the same times, and a manifest.json. Ctrl-C cancels and leaves nothing behind."})
final class PrepareCommand implements Callable<Integer> {

    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_CANCELLED = 130;
    /** How long Ctrl-C waits for the encoder to stop and clean up before the JVM exits anyway. */
    private static final long CANCEL_GRACE_SECONDS = 10;

    private final Supplier<MediaLibrary> library;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "<input>", description = "A video file FFmpeg can read.")
    Path input;

    @Option(names = "--sample", description = "Prepare the built-in sample clip instead of a file (id \"sample\" unless --id).")
    boolean sample;

    @Option(names = "--seconds", paramLabel = "S", description = "Length of the built-in sample in seconds (default: its full length).")
    Integer sampleSeconds;

    @Option(names = "--id", paramLabel = "ID",
            description = "The video's id and folder name: a-z, 0-9, '.', '_', '-'. Default: from the file name.")
    String id;

    @Option(names = "--gop-ms", paramLabel = "MS", defaultValue = "" + PrepareRequest.DEFAULT_GOP_MILLIS,
            description = "Keyframe interval in milliseconds (default: ${DEFAULT-VALUE}); a player can switch rendition this often.")
    int gopMillis;

    @Option(names = "--replace", description = "Replace an existing video with the same id, once the new one is complete.")
    boolean replace;

    PrepareCommand(Supplier<MediaLibrary> library) {
        this.library = library;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (sample == (input != null)) {
            err.println("prepare: give either a video file or --sample");
            spec.commandLine().usage(err);
            return EXIT_USAGE;
        }
        CancelToken cancel = new CancelToken();
        CountDownLatch finished = new CountDownLatch(1);
        Thread onCtrlC = new Thread(() -> {
            cancel.cancel();
            try {
                finished.await(CANCEL_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "prepare-cancel");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            MediaLibrary media = library.get();
            ProgressPrinter progress = new ProgressPrinter(err);
            Manifest manifest;
            if (sample) {
                VideoId videoId = VideoId.parse(id == null ? MediaLibrary.SAMPLE_ID : id);
                err.println("Preparing the built-in sample as \"" + videoId + "\" in " + media.staticDir());
                manifest = sampleSeconds == null
                        ? media.prepareSample(videoId, replace, progress, cancel)
                        : media.prepareSample(videoId, sampleSeconds, replace, progress, cancel);
            } else {
                VideoId videoId = id == null ? VideoId.fromFileName(input) : VideoId.parse(id);
                PrepareRequest request = new PrepareRequest(input, videoId, gopMillis, replace);
                err.println("Preparing " + input + " as \"" + videoId + "\" in " + media.staticDir());
                manifest = media.prepare(request, progress, cancel);
            }
            progress.end();
            printSummary(out, manifest);
            return 0;
        } catch (PrepareCancelledException e) {
            err.println();
            err.println("prepare: cancelled; nothing was written");
            return EXIT_CANCELLED;
        } catch (InvalidVideoIdException | IllegalArgumentException e) {
            err.println("prepare: " + e.getMessage());
            return EXIT_USAGE;
        } catch (MediaException e) {
            err.println();
            err.println("prepare: " + e.getMessage());
            return EXIT_FAILED;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C arrived: the hook is running and is waiting for us, which we just released.
            }
        }
    }

    private static void printSummary(PrintWriter out, Manifest manifest) {
        out.printf(Locale.ROOT, "Prepared \"%s\": %.1f s at %s fps, keyframe every %d frames (%d keyframes)%n",
                manifest.id(), manifest.durationMicros() / 1e6, manifest.frameRate(), manifest.gopFrames(),
                manifest.keyframeCount());
        for (RenditionEntry rendition : manifest.renditions()) {
            out.printf(Locale.ROOT, "  %-6s %4dx%-4d %6.0f kbit/s  %8s  %s%n", rendition.label(), rendition.width(),
                    rendition.height(), rendition.averageBitsPerSecond() / 1000.0, Sizes.bytes(rendition.sizeBytes()),
                    rendition.file());
        }
    }

    /** Progress on one line that rewrites itself on a terminal, or a line per 10 % when piped. */
    private static final class ProgressPrinter implements ProgressListener {
        private static final int PIPED_STEP_PERCENT = 10;
        private final PrintWriter err;
        private final boolean terminal = System.console() != null;
        private int lastPercent = -1;

        ProgressPrinter(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void onProgress(PrepareProgress progress) {
            int percent = (int) Math.floor(progress.fraction() * 100);
            if (!terminal && (percent / PIPED_STEP_PERCENT == lastPercent / PIPED_STEP_PERCENT)) {
                return;
            }
            lastPercent = percent;
            String left = progress.remaining().map(d -> ", about " + clock(d) + " left").orElse("");
            err.print((terminal ? "\r" : "") + String.format(Locale.ROOT, "  %3d%% after %s%s    ", percent,
                    clock(progress.elapsed()), left) + (terminal ? "" : System.lineSeparator()));
            err.flush();
        }

        void end() {
            if (terminal) {
                err.println();
            }
        }

        private static String clock(Duration duration) {
            long seconds = duration.toSeconds();
            return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
        }
    }
}
