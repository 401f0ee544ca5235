package org.adaptivestream.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.adaptivestream.media.LibraryEntry;
import org.adaptivestream.media.Manifest;
import org.adaptivestream.media.MediaException;
import org.adaptivestream.media.MediaLibrary;
import org.adaptivestream.media.PreloadedVideo;
import org.adaptivestream.media.RenditionEntry;
import org.adaptivestream.media.Rung;
import org.adaptivestream.protocol.RenditionInfo;
import org.adaptivestream.protocol.VideoInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library's ready videos, preloaded: every rendition's compressed packets are read into
 * memory once, when the catalog is built or reloaded, so streaming never touches the disk and
 * never transcodes. A damaged video is logged and left out; the others are still served.
 */
public final class LibraryCatalog implements VideoCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(LibraryCatalog.class);

    private final MediaLibrary library;
    private volatile Map<String, PreloadedVideo> videos = Map.of();
    private volatile List<String> problems = List.of();

    public LibraryCatalog(MediaLibrary library) {
        this.library = library;
    }

    /** Reads the library again; videos already loaded are kept rather than read twice. */
    public synchronized LibraryCatalog reload() throws MediaException {
        Map<String, PreloadedVideo> loaded = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (LibraryEntry entry : library.list()) {
            if (entry instanceof LibraryEntry.Damaged damaged) {
                failures.add(damaged.folderName() + ": " + damaged.problem());
                continue;
            }
            Manifest manifest = ((LibraryEntry.Ready) entry).manifest();
            String id = manifest.id();
            PreloadedVideo previous = videos.get(id);
            if (previous != null && previous.manifest().equals(manifest)) {
                loaded.put(id, previous);
                continue;
            }
            try {
                loaded.put(id, library.load(id));
            } catch (MediaException e) {
                failures.add(id + ": " + e.getMessage());
            }
        }
        failures.forEach(f -> LOG.warn("Not serving {}", f));
        videos = Map.copyOf(loaded);
        problems = List.copyOf(failures);
        return this;
    }

    /** Videos that could not be loaded at the last reload, with why. */
    public List<String> problems() {
        return problems;
    }

    @Override
    public List<VideoInfo> videos() {
        return videos.values().stream()
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .map(LibraryCatalog::describe)
                .toList();
    }

    @Override
    public Optional<PreloadedVideo> find(String id) {
        return Optional.ofNullable(videos.get(id));
    }

    static VideoInfo describe(PreloadedVideo video) {
        Manifest manifest = video.manifest();
        List<RenditionInfo> renditions = new ArrayList<>();
        for (Rung rung : Rung.values()) {
            RenditionEntry entry = manifest.rendition(rung);
            renditions.add(new RenditionInfo(rung, entry.width(), entry.height(), entry.averageBitsPerSecond()));
        }
        return new VideoInfo(manifest.id(), manifest.title(), manifest.durationMicros(),
                manifest.frameRate().perSecond(), manifest.gopFrames(), renditions);
    }
}
