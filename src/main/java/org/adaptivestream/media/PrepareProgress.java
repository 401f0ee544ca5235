package org.adaptivestream.media;

import java.time.Duration;
import java.util.Optional;

/**
 * How far a prepare has got.
 *
 * @param fraction  0 to 1
 * @param elapsed   time since the prepare started
 * @param remaining estimated time left; empty until there is enough to estimate from
 */
public record PrepareProgress(double fraction, Duration elapsed, Optional<Duration> remaining) {

    public PrepareProgress {
        fraction = Math.max(0, Math.min(1, fraction));
    }
}
