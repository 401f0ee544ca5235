package org.adaptivestream.media;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.adaptivestream.Workspace;

/**
 * The media library in {@code static/}: lists prepared videos, prepares new ones (from a file
 * or the built-in sample) and preloads them for streaming.
 *
 * <p>Threading: every method blocks the calling thread until done and may take long
 * ({@link #prepare}, {@link #ensureSample}: seconds to minutes; {@link #load}: up to a second
 * per minute of video). Never call them on a GUI thread. Progress is reported on the calling
 * thread; a {@link CancelToken} may be cancelled from any thread. Distinct videos may be
 * prepared and loaded concurrently; two prepares of the same id race safely (the second to
 * finish is refused or, if it asked to replace, replaces the first).
 *
 * <p>Ids given as strings are validated before any file is touched, so a client's {@code ../x}
 * never reaches the file system.
 */
public final class MediaLibrary {

    public static final String SAMPLE_ID = "sample";

    private final Path staticDir;

    public MediaLibrary(Path staticDir) {
        this.staticDir = staticDir.toAbsolutePath().normalize();
    }

    public static MediaLibrary of(Workspace workspace) {
        return new MediaLibrary(workspace.staticDir());
    }

    public Path staticDir() {
        return staticDir;
    }

    /** Every non-hidden folder in the library, ready or damaged, sorted by name; empty if there is no library yet. */
    public List<LibraryEntry> list() throws OutputNotWritableException {
        if (!Files.isDirectory(staticDir)) {
            return List.of();
        }
        List<LibraryEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(staticDir, Files::isDirectory)) {
            for (Path folder : folders) {
                if (!LibraryFolders.isHidden(folder)) {
                    entries.add(inspect(folder));
                }
            }
        } catch (IOException e) {
            throw new OutputNotWritableException("Cannot list the library folder " + staticDir + ": " + LibraryFolders.reason(e), e);
        }
        entries.sort(Comparator.comparing(LibraryEntry::folderName));
        return List.copyOf(entries);
    }

    /** The ready videos only. */
    public List<Manifest> readyVideos() throws OutputNotWritableException {
        return list().stream()
                .filter(LibraryEntry.Ready.class::isInstance)
                .map(entry -> ((LibraryEntry.Ready) entry).manifest())
                .toList();
    }

    private static LibraryEntry inspect(Path folder) {
        String name = folder.getFileName().toString();
        if (!VideoId.isValid(name)) {
            return new LibraryEntry.Damaged(name, "folder name is not a valid video id");
        }
        try {
            Manifest manifest = ManifestJson.read(folder);
            for (RenditionEntry rendition : manifest.renditions()) {
                Path file = folder.resolve(rendition.file());
                if (!Files.isRegularFile(file)) {
                    return new LibraryEntry.Damaged(name, "missing rendition file " + file);
                }
                long size = Files.size(file);
                if (size != rendition.sizeBytes()) {
                    return new LibraryEntry.Damaged(name, "rendition file " + file + " has " + size
                            + " bytes, the manifest says " + rendition.sizeBytes());
                }
            }
            return new LibraryEntry.Ready(manifest);
        } catch (DamagedVideoException e) {
            return new LibraryEntry.Damaged(name, e.getMessage());
        } catch (IOException e) {
            return new LibraryEntry.Damaged(name, "cannot read: " + LibraryFolders.reason(e));
        }
    }

    /**
     * Prepares a video file into the library: four keyframe-aligned renditions and a manifest,
     * published atomically under the request's id. On failure or cancel nothing is left behind
     * and an existing video with the same id is untouched.
     */
    public Manifest prepare(PrepareRequest request, ProgressListener listener, CancelToken cancel) throws MediaException {
        return new VideoPreparer(staticDir).prepareFile(request, listener, cancel);
    }

    /** Prepares the built-in sample clip ({@value SampleClip#DEFAULT_SECONDS} s) under the given id. */
    public Manifest prepareSample(VideoId id, boolean replaceExisting, ProgressListener listener, CancelToken cancel)
            throws MediaException {
        return prepareSample(id, SampleClip.DEFAULT_SECONDS, replaceExisting, listener, cancel);
    }

    /** As {@link #prepareSample(VideoId, boolean, ProgressListener, CancelToken)} with a chosen length (tests, benchmarks). */
    public Manifest prepareSample(VideoId id, int seconds, boolean replaceExisting, ProgressListener listener,
                                  CancelToken cancel) throws MediaException {
        if (seconds <= 0) {
            throw new IllegalArgumentException("sample length must be positive: " + seconds);
        }
        return new VideoPreparer(staticDir).prepareSample(id, seconds, replaceExisting, listener, cancel);
    }

    /**
     * Makes sure there is something to play: if the library holds no ready video, prepares the
     * built-in sample as {@value #SAMPLE_ID} (replacing a damaged folder of that name) and
     * returns its manifest; otherwise returns empty and does nothing.
     */
    public Optional<Manifest> ensureSample(ProgressListener listener, CancelToken cancel) throws MediaException {
        return ensureSample(SampleClip.DEFAULT_SECONDS, listener, cancel);
    }

    /** As {@link #ensureSample(ProgressListener, CancelToken)} with a shorter sample, for tests. */
    Optional<Manifest> ensureSample(int seconds, ProgressListener listener, CancelToken cancel) throws MediaException {
        if (!readyVideos().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(prepareSample(VideoId.trusted(SAMPLE_ID), seconds, true, listener, cancel));
    }

    /** A ready video's manifest. */
    public Manifest manifest(String id) throws MediaException {
        return ManifestJson.read(existingFolder(VideoId.parse(id)));
    }

    /** Reads a prepared video's compressed packets into memory; see {@link PreloadedVideo}. */
    public PreloadedVideo load(String id) throws MediaException {
        return load(VideoId.parse(id));
    }

    public PreloadedVideo load(VideoId id) throws MediaException {
        Path folder = existingFolder(id);
        Manifest manifest = ManifestJson.read(folder);
        Map<Rung, RenditionReader.Contents> contents = new EnumMap<>(Rung.class);
        for (Rung rung : Rung.values()) {
            RenditionEntry entry = manifest.rendition(rung);
            Path file = folder.resolve(entry.file());
            RenditionReader.Contents rendition = RenditionReader.read(file);
            CodecConfig config = rendition.config();
            if (config.width() != rung.width() || config.height() != rung.height()) {
                throw new DamagedVideoException("Rendition " + file + " is " + config.width() + "x" + config.height()
                        + ", not " + rung.width() + "x" + rung.height());
            }
            if (rendition.packets().size() != entry.packetCount()) {
                throw new DamagedVideoException("Rendition " + file + " has " + rendition.packets().size()
                        + " packets, the manifest says " + entry.packetCount());
            }
            contents.put(rung, rendition);
        }
        List<List<EncodedPacket>> packetLists = new ArrayList<>();
        contents.values().forEach(c -> packetLists.add(c.packets()));
        long[] gopStarts = AlignedKeyframes.of(packetLists);
        if (gopStarts.length == 0 || gopStarts[0] != contents.get(Rung.lowest()).packets().get(0).ptsMicros()) {
            throw new DamagedVideoException("The renditions of " + id + " in " + folder + " do not start with a shared keyframe");
        }
        Map<Rung, PreloadedRendition> renditions = new EnumMap<>(Rung.class);
        contents.forEach((rung, rendition) -> renditions.put(rung,
                new PreloadedRendition(rung, rendition.config(), rendition.packets(), gopStarts, rendition.packetBytes())));
        return new PreloadedVideo(manifest, renditions, gopStarts);
    }

    private Path existingFolder(VideoId id) throws VideoNotFoundException {
        Path folder = staticDir.resolve(id.value());
        if (!Files.isDirectory(folder)) {
            throw new VideoNotFoundException("No video \"" + id + "\" in the library " + staticDir);
        }
        return folder;
    }
}
