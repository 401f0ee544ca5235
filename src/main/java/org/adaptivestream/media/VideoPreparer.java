package org.adaptivestream.media;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_ref;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import java.awt.Graphics2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Prepares one video: encodes the four renditions into a staging folder, measures what was
 * written, writes the manifest and publishes the folder under the video's id. On any failure
 * or cancel the staging folder is deleted, so the library never sees a partial video.
 */
final class VideoPreparer {

    /** A decodable stream this much shorter than declared is reported as truncated. */
    private static final double TRUNCATION_TOLERANCE_FRACTION = 0.1;
    private static final long TRUNCATION_TOLERANCE_MICROS = 500_000;

    /** Writes every frame of one video into the ladder. */
    @FunctionalInterface
    private interface FrameWriter {
        void writeAll(LadderEncoder ladder, ProgressTracker progress) throws MediaException;
    }

    private final Path staticDir;

    VideoPreparer(Path staticDir) {
        this.staticDir = staticDir;
    }

    Manifest prepareFile(PrepareRequest request, ProgressListener listener, CancelToken cancel) throws MediaException {
        ProgressTracker progress = new ProgressTracker(listener, System::nanoTime);
        try (SourceVideo source = SourceVideo.open(request.input())) {
            FrameRate rate = source.frameRate().cappedAt(FrameRate.MAX);
            long declared = source.declaredDurationMicros();
            progress.expectFrames(Math.round(declared * rate.perSecond() / 1_000_000));
            String name = request.input().getFileName().toString();
            return encodeAndPublish(request.id(), request.replaceExisting(), request.gopMillis(), rate, name, name,
                    progress, cancel, (ladder, tracker) -> writeSource(source, rate, ladder, tracker, cancel));
        }
    }

    Manifest prepareSample(VideoId id, int seconds, boolean replace, ProgressListener listener, CancelToken cancel)
            throws MediaException {
        ProgressTracker progress = new ProgressTracker(listener, System::nanoTime);
        SampleClip clip = SampleClip.ofSeconds(seconds);
        progress.expectFrames(clip.frameCount());
        return encodeAndPublish(id, replace, PrepareRequest.DEFAULT_GOP_MILLIS, clip.rate(), SampleClip.TITLE,
                SampleClip.SOURCE, progress, cancel, (ladder, tracker) -> writeSample(clip, ladder, tracker, cancel));
    }

    private Manifest encodeAndPublish(VideoId id, boolean replace, int gopMillis, FrameRate rate, String title,
                                      String sourceName, ProgressTracker progress, CancelToken cancel,
                                      FrameWriter writer) throws MediaException {
        Path target = staticDir.resolve(id.value());
        if (!replace && Files.exists(target)) {
            throw LibraryFolders.alreadyExists(target);
        }
        int gopFrames = rate.framesIn(gopMillis);
        Path staging = LibraryFolders.createStaging(staticDir, id);
        try {
            long frames;
            try (LadderEncoder ladder = new LadderEncoder(staging, rate, gopFrames)) {
                writer.writeAll(ladder, progress);
                cancel.throwIfCancelled("preparing " + id);
                ladder.finish();
                frames = ladder.framesWritten();
            }
            cancel.throwIfCancelled("preparing " + id);
            Manifest manifest = measure(staging, id, title, sourceName, rate, gopMillis, gopFrames, frames);
            ManifestJson.write(staging, manifest);
            cancel.throwIfCancelled("preparing " + id);
            LibraryFolders.publish(staging, target, replace);
            progress.finished();
            return manifest;
        } catch (MediaException | RuntimeException | Error e) {
            LibraryFolders.deleteQuietly(staging);
            throw e;
        }
    }

    private static void writeSource(SourceVideo source, FrameRate rate, LadderEncoder ladder, ProgressTracker progress,
                                    CancelToken cancel) throws MediaException {
        ConstantRateSchedule schedule = new ConstantRateSchedule(rate);
        long sourceFrameMicros = Math.max(1, Math.round(1_000_000 / source.frameRate().perSecond()));
        Map<Rung, FitScaler> scalers = new EnumMap<>(Rung.class);
        AVFrame held = av_frame_alloc();
        try {
            for (Rung rung : Rung.values()) {
                scalers.put(rung, new FitScaler(rung));
            }
            int sarNum = source.sampleAspectNum();
            int sarDen = source.sampleAspectDen();
            LadderEncoder.Painter painter = (rung, picture) -> scalers.get(rung).scale(held, sarNum, sarDen, picture);
            boolean holding = false;
            long origin = Long.MIN_VALUE;
            long heldStart = 0;
            AVFrame decoded;
            while ((decoded = source.nextFrame()) != null) {
                cancel.throwIfCancelled("preparing " + source.file());
                long start = source.startMicros(decoded);
                if (start == Long.MIN_VALUE) {
                    start = holding ? origin + heldStart + sourceFrameMicros : 0;
                }
                if (origin == Long.MIN_VALUE) {
                    origin = start;
                }
                long relative = start - origin;
                if (holding) {
                    if (relative <= heldStart) {
                        continue; // a frame out of order or repeated: keep the one we have
                    }
                    ladder.write(painter, schedule.repeatsBefore(relative));
                    av_frame_unref(held);
                }
                if (av_frame_ref(held, decoded) < 0) {
                    throw new EncodeException("Cannot keep a decoded picture of " + source.file());
                }
                holding = true;
                heldStart = relative;
                progress.framesWritten(ladder.framesWritten());
            }
            if (!holding) {
                throw new UnreadableVideoException("No picture could be decoded from " + source.file());
            }
            long end = heldStart + sourceFrameMicros;
            ladder.write(painter, schedule.repeatsUntilEnd(end));
            checkNotTruncated(source, end);
        } finally {
            av_frame_free(held);
            scalers.values().forEach(FitScaler::close);
        }
    }

    private static void checkNotTruncated(SourceVideo source, long decodedEndMicros) throws UnreadableVideoException {
        long declared = source.declaredDurationMicros();
        long tolerance = Math.max(TRUNCATION_TOLERANCE_MICROS, (long) (declared * TRUNCATION_TOLERANCE_FRACTION));
        if (declared > 0 && decodedEndMicros < declared - tolerance) {
            String why = source.readError() != null ? " (" + source.readError() + ")" : "";
            throw new UnreadableVideoException(String.format(java.util.Locale.ROOT,
                    "Truncated or damaged video %s: pictures end at %.1f s of the declared %.1f s%s",
                    source.file(), decodedEndMicros / 1e6, declared / 1e6, why));
        }
    }

    private static void writeSample(SampleClip clip, LadderEncoder ladder, ProgressTracker progress, CancelToken cancel)
            throws MediaException {
        Map<Rung, ImageToPicture> canvases = new EnumMap<>(Rung.class);
        try {
            for (Rung rung : Rung.values()) {
                canvases.put(rung, new ImageToPicture(rung.width(), rung.height()));
            }
            for (int frame = 0; frame < clip.frameCount(); frame++) {
                cancel.throwIfCancelled("preparing the sample");
                long index = frame;
                ladder.write((rung, picture) -> {
                    ImageToPicture canvas = canvases.get(rung);
                    Graphics2D g = canvas.image().createGraphics();
                    try {
                        clip.draw(g, rung, index);
                    } finally {
                        g.dispose();
                    }
                    canvas.convertInto(picture);
                }, 1);
                progress.framesWritten(ladder.framesWritten());
            }
        } finally {
            canvases.values().forEach(ImageToPicture::close);
        }
    }

    /** Reads the renditions back and checks what a manifest promises: same frames, keyframes aligned. */
    private static Manifest measure(Path folder, VideoId id, String title, String sourceName, FrameRate rate,
                                    int gopMillis, int gopFrames, long frames) throws MediaException {
        if (frames == 0) {
            throw new UnreadableVideoException("No frames to encode for " + id);
        }
        long durationMicros = rate.frameStartMicros(frames);
        Map<Rung, RenditionReader.Contents> contents = new EnumMap<>(Rung.class);
        for (Rung rung : Rung.values()) {
            try {
                contents.put(rung, RenditionReader.read(folder.resolve(LadderEncoder.fileName(rung))));
            } catch (DamagedVideoException e) {
                throw new EncodeException("The encoder wrote an unreadable " + rung + " rendition: " + e.getMessage(), e);
            }
        }
        List<List<EncodedPacket>> packetLists = new ArrayList<>();
        contents.values().forEach(c -> packetLists.add(c.packets()));
        long[] aligned = AlignedKeyframes.of(packetLists);
        long expectedKeyframes = (frames + gopFrames - 1) / gopFrames;
        List<RenditionEntry> entries = new ArrayList<>();
        for (Rung rung : Rung.values()) {
            RenditionReader.Contents rendition = contents.get(rung);
            if (rendition.packets().size() != frames) {
                throw new EncodeException("The " + rung + " rendition of " + id + " has " + rendition.packets().size()
                        + " frames, not " + frames);
            }
            Path file = folder.resolve(LadderEncoder.fileName(rung));
            long size;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                throw new OutputNotWritableException("Cannot read back " + file + ": " + e.getMessage(), e);
            }
            long bitsPerSecond = Math.round(rendition.packetBytes() * 8.0 * 1_000_000 / durationMicros);
            entries.add(new RenditionEntry(rung.label(), rung.width(), rung.height(), file.getFileName().toString(),
                    bitsPerSecond, size, rendition.packets().size()));
        }
        List<EncodedPacket> reference = contents.get(Rung.lowest()).packets();
        for (long gop = 0; gop < expectedKeyframes; gop++) {
            long scheduled = reference.get((int) (gop * gopFrames)).ptsMicros();
            if (java.util.Arrays.binarySearch(aligned, scheduled) < 0) {
                throw new EncodeException("Keyframes of " + id + " are not aligned across renditions at "
                        + scheduled / 1000 + " ms (GOP " + gop + ")");
            }
        }
        return new Manifest(Manifest.FORMAT_VERSION, id.value(), title, sourceName, rate, durationMicros, gopMillis,
                gopFrames, aligned.length, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), entries);
    }
}
