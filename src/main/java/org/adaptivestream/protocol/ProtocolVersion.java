package org.adaptivestream.protocol;

import java.util.OptionalInt;

/**
 * Protocol versions. The client's {@link Hello} names the range it speaks; the server answers
 * with the highest version both sides speak in its {@link Welcome}, or with an
 * {@link ErrorCode#UNSUPPORTED_VERSION} error if there is none.
 */
public final class ProtocolVersion {

    /**
     * The version this build writes and prefers. Version 2 added {@link ClientReport}, version 3
     * {@link Received}, version 4 {@link DropGop}.
     */
    public static final int CURRENT = 4;
    /** The oldest version this build still reads. */
    public static final int OLDEST_SUPPORTED = 1;

    private ProtocolVersion() {
    }

    /** The highest version in both {@code [OLDEST_SUPPORTED, CURRENT]} and the hello's range. */
    public static OptionalInt negotiate(Hello hello) {
        int chosen = Math.min(CURRENT, hello.maxVersion());
        return chosen >= Math.max(OLDEST_SUPPORTED, hello.minVersion())
                ? OptionalInt.of(chosen)
                : OptionalInt.empty();
    }

    public static boolean isSupported(int version) {
        return version >= OLDEST_SUPPORTED && version <= CURRENT;
    }
}
