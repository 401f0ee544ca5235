package org.adaptivestream.media;

/** A folder in the library: a prepared video, or a damaged one that cannot be played. */
public sealed interface LibraryEntry permits LibraryEntry.Ready, LibraryEntry.Damaged {

    /** The folder's name under {@code static/} (the id, for a ready video). */
    String folderName();

    /** A complete prepared video. */
    record Ready(Manifest manifest) implements LibraryEntry {
        @Override
        public String folderName() {
            return manifest.id();
        }
    }

    /** A folder that is not a playable video, and why. */
    record Damaged(String folderName, String problem) implements LibraryEntry {
    }
}
