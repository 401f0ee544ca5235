package org.adaptivestream.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Argument checks shared by the message records; they throw IllegalArgumentException. */
final class Fields {

    private Fields() {
    }

    static String utf8Within(String field, String value, int maxBytes) {
        Objects.requireNonNull(value, field);
        // Cheap bound first: a UTF-8 encoding takes at most 3 bytes per UTF-16 unit.
        if (value.length() * 3L > maxBytes) {
            int bytes = value.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > maxBytes) {
                throw new IllegalArgumentException(field + " is " + bytes
                        + " bytes of UTF-8, over the cap of " + maxBytes);
            }
        }
        return value;
    }

    static long nonNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0: " + value);
        }
        return value;
    }

    static int inRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be in " + min + ".." + max + ": " + value);
        }
        return value;
    }
}
