package org.adaptivestream.media;

/** No prepared video with this id is in the library. */
public final class VideoNotFoundException extends MediaException {
    private static final long serialVersionUID = 1L;

    public VideoNotFoundException(String message) {
        super(message);
    }

    public VideoNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
