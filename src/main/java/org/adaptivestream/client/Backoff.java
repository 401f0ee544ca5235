package org.adaptivestream.client;

import java.time.Duration;

/**
 * Delays between reconnection attempts: doubling from {@link #FIRST} up to {@link #MAX}, for
 * at most {@link #ATTEMPTS} tries, so a restarted server is found quickly and a gone one is
 * not hammered.
 */
record Backoff(int attempt) {

    static final Duration FIRST = Duration.ofMillis(250);
    static final Duration MAX = Duration.ofSeconds(8);
    static final int ATTEMPTS = 8;

    static Backoff start() {
        return new Backoff(0);
    }

    boolean exhausted() {
        return attempt >= ATTEMPTS;
    }

    Duration delay() {
        long millis = FIRST.toMillis() << Math.min(attempt, 16);
        return Duration.ofMillis(Math.min(millis, MAX.toMillis()));
    }

    Backoff next() {
        return new Backoff(attempt + 1);
    }
}
