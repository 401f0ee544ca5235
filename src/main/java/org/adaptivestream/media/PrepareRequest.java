package org.adaptivestream.media;

import java.nio.file.Path;

/**
 * What to prepare and how.
 *
 * @param input           the video file to read
 * @param id              the id (folder name) to publish it under
 * @param gopMillis       keyframe interval; a player can switch rendition this often
 * @param replaceExisting whether to replace a video with the same id (only once the new one is complete);
 *                        if false an existing id is refused before any work starts
 */
public record PrepareRequest(Path input, VideoId id, int gopMillis, boolean replaceExisting) {

    public static final int DEFAULT_GOP_MILLIS = 500;
    public static final int MIN_GOP_MILLIS = 100;
    public static final int MAX_GOP_MILLIS = 10_000;

    public PrepareRequest {
        if (input == null || id == null) {
            throw new IllegalArgumentException("input and id are required");
        }
        if (gopMillis < MIN_GOP_MILLIS || gopMillis > MAX_GOP_MILLIS) {
            throw new IllegalArgumentException("GOP must be " + MIN_GOP_MILLIS + " to " + MAX_GOP_MILLIS + " ms, not " + gopMillis);
        }
    }

    /** The defaults: id from the file name, 500 ms GOP, refuse an existing id. */
    public static PrepareRequest of(Path input) {
        return new PrepareRequest(input, VideoId.fromFileName(input), DEFAULT_GOP_MILLIS, false);
    }

    public PrepareRequest withId(VideoId newId) {
        return new PrepareRequest(input, newId, gopMillis, replaceExisting);
    }

    public PrepareRequest withGopMillis(int newGopMillis) {
        return new PrepareRequest(input, id, newGopMillis, replaceExisting);
    }

    public PrepareRequest replacingExisting(boolean replace) {
        return new PrepareRequest(input, id, gopMillis, replace);
    }
}
