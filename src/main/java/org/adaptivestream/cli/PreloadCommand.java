package org.adaptivestream.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.adaptivestream.media.DecodeException;
import org.adaptivestream.media.EncodedPacket;
import org.adaptivestream.media.FfmpegVideoDecoder;
import org.adaptivestream.media.MediaException;
import org.adaptivestream.media.MediaLibrary;
import org.adaptivestream.media.PreloadedRendition;
import org.adaptivestream.media.PreloadedVideo;
import org.adaptivestream.media.Rung;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** A hidden measuring tool: how long a preload takes, how much heap it holds, and how fast each rung decodes. */
@Command(name = "preload", hidden = true, mixinStandardHelpOptions = true,
        description = "Measures preloading a prepared video: time, heap held, and (with --decode) decode speed per rung.")
final class PreloadCommand implements Callable<Integer> {

    private final Supplier<MediaLibrary> library;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<id>")
    String id;

    @Option(names = "--decode", description = "Also decode every packet of every rung and report frames per second.")
    boolean decode;

    PreloadCommand(Supplier<MediaLibrary> library) {
        this.library = library;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try {
            MediaLibrary media = library.get();
            long heapBefore = settledHeap(memory);
            long start = System.nanoTime();
            PreloadedVideo video = media.load(id);
            long loadNanos = System.nanoTime() - start;
            long heapAfter = settledHeap(memory);
            out.printf(Locale.ROOT, "%s: %.1f s, %d GOPs, %.1f MiB of packets%n", video.id(), video.durationMicros() / 1e6,
                    video.gopCount(), video.packetBytes() / 1048576.0);
            out.printf(Locale.ROOT, "load: %.0f ms, heap held: %.1f MiB%n", loadNanos / 1e6, (heapAfter - heapBefore) / 1048576.0);
            if (decode) {
                for (Rung rung : Rung.values()) {
                    out.printf(Locale.ROOT, "decode %-5s: %.0f frames/s%n", rung, decodeRate(video.rendition(rung)));
                }
            }
            return 0;
        } catch (MediaException e) {
            spec.commandLine().getErr().println("preload: " + e.getMessage());
            return PrepareCommand.EXIT_FAILED;
        }
    }

    private static double decodeRate(PreloadedRendition rendition) throws DecodeException {
        int[] frames = {0};
        long start = System.nanoTime();
        try (FfmpegVideoDecoder decoder = new FfmpegVideoDecoder()) {
            decoder.configure(rendition.codecConfig());
            for (EncodedPacket packet : rendition.packets()) {
                decoder.decode(packet, frame -> frames[0]++);
            }
            decoder.flush(frame -> frames[0]++);
        }
        return frames[0] / ((System.nanoTime() - start) / 1e9);
    }

    private static long settledHeap(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
