package org.adaptivestream.security;

import java.io.IOException;
import java.nio.file.Path;

/** A line of the known-servers file is not {@code host:port fingerprint}; names file and line. */
public final class KnownServersFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int lineNumber;

    public KnownServersFormatException(Path file, int lineNumber, String line, String problem) {
        super((file == null ? "known servers" : file.toString()) + " line " + lineNumber + ": " + problem
                + " (expected 'host:port fingerprint', got '" + line + "')");
        this.lineNumber = lineNumber;
    }

    /** 1-based. */
    public int lineNumber() {
        return lineNumber;
    }
}
