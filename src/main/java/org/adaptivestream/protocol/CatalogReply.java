package org.adaptivestream.protocol;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The server's videos, at most {@value #MAX_VIDEOS}, ids unique. */
public record CatalogReply(List<VideoInfo> videos) implements Message {

    public static final int MAX_VIDEOS = 1024;

    public CatalogReply {
        videos = List.copyOf(videos);
        Fields.inRange("number of videos", videos.size(), 0, MAX_VIDEOS);
        Set<String> ids = new HashSet<>();
        for (VideoInfo video : videos) {
            if (!ids.add(video.id())) {
                throw new IllegalArgumentException("video id listed twice: " + video.id());
            }
        }
    }

    @Override
    public MessageType type() {
        return MessageType.CATALOG_REPLY;
    }
}
