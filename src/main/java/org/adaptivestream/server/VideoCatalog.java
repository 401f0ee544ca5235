package org.adaptivestream.server;

import java.util.List;
import java.util.Optional;
import org.adaptivestream.media.PreloadedVideo;
import org.adaptivestream.protocol.VideoInfo;

/** The videos a server offers, already in memory. Thread-safe. */
public interface VideoCatalog {

    /** What the catalog reply lists. */
    List<VideoInfo> videos();

    /** The video with exactly this id; never touches the file system. */
    Optional<PreloadedVideo> find(String id);
}
