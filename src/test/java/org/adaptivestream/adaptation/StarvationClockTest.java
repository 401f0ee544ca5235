package org.adaptivestream.adaptation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.adaptivestream.adaptation.estimate.LinkEstimates;
import org.junit.jupiter.api.Test;

class StarvationClockTest {

    private static final Ladder LADDER = Ladder.nominal();

    @Test
    void countsFromWhenTheLowerWindowFellUnderTheLowestRung_andStopsWhenEitherIsBackOver() {
        StarvationClock clock = new StarvationClock();

        assertThat(clock.update(10, LinkEstimates.NONE, LADDER)).isZero();
        assertThat(clock.update(11, windows(2e6, 0.3e6), LADDER)).as("the 2 s window under 0.4 Mbit/s").isZero();
        assertThat(clock.update(12.5, windows(0.35e6, 1e6), LADDER)).isEqualTo(1.5);
        assertThat(clock.update(13, windows(0.5e6, 0.45e6), LADDER)).as("both back over").isZero();
        assertThat(clock.update(14, windows(0.5e6, 0.1e6), LADDER)).isZero();
        assertThat(clock.update(16.25, windows(0.5e6, 0.1e6), LADDER)).isEqualTo(2.25);
        assertThat(clock.update(17, LinkEstimates.NONE, LADDER)).as("no estimate: not starved").isZero();
    }

    private static LinkEstimates windows(double fourSeconds, double twoSeconds) {
        OptionalDouble none = OptionalDouble.empty();
        return new LinkEstimates(none, OptionalDouble.of(fourSeconds), OptionalDouble.of(twoSeconds),
                OptionalDouble.of(twoSeconds), none, none, none, none, none);
    }
}
