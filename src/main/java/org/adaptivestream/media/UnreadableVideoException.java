package org.adaptivestream.media;

/** The input exists but is not a video FFmpeg can read to the end: not a video, no video stream, corrupt or truncated. */
public final class UnreadableVideoException extends MediaException {
    private static final long serialVersionUID = 1L;

    public UnreadableVideoException(String message) {
        super(message);
    }

    public UnreadableVideoException(String message, Throwable cause) {
        super(message, cause);
    }
}
