package org.adaptivestream.media;

/** A prepared video with this id exists and replacing it was not asked for. */
public final class VideoAlreadyExistsException extends MediaException {
    private static final long serialVersionUID = 1L;

    public VideoAlreadyExistsException(String message) {
        super(message);
    }

    public VideoAlreadyExistsException(String message, Throwable cause) {
        super(message, cause);
    }
}
