package org.adaptivestream.trace;

/** A trace file that cannot be read as either supported format; the message names the file and line. */
public final class TraceFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public TraceFormatException(String message) {
        super(message);
    }
}
