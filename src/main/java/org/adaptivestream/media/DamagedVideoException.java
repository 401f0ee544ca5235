package org.adaptivestream.media;

/** A prepared video's folder is damaged: its manifest is missing or corrupt, or a rendition file does not match it. */
public final class DamagedVideoException extends MediaException {
    private static final long serialVersionUID = 1L;

    public DamagedVideoException(String message) {
        super(message);
    }

    public DamagedVideoException(String message, Throwable cause) {
        super(message, cause);
    }
}
