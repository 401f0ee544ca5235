package org.adaptivestream.adaptation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class FreezeShareTest {

    private static final double TICK = 0.25;
    private static final OptionalDouble LONG_AGO = OptionalDouble.of(-100);

    @Test
    void countsFreezesWithTheStreamJustBehind_notStopsOrTheSwitchItself() {
        FreezeShare share = new FreezeShare();
        assertThat(share.update(10, true, 0.1, LONG_AGO)).as("nothing before a second reading").isZero();

        double frozen = share.update(10 + TICK, true, 0.1, LONG_AGO);
        assertThat(frozen).isCloseTo(TICK / FreezeShare.TIME_CONSTANT_SECONDS, within(1e-9));

        FreezeShare stopped = new FreezeShare();
        stopped.update(10, true, 0.5, LONG_AGO);
        assertThat(stopped.update(10 + TICK, true, FreezeShare.NEAR_SECONDS, LONG_AGO))
                .as("a link that stopped: the video piles up in flight").isZero();

        FreezeShare switched = new FreezeShare();
        switched.update(10, true, 0.1, OptionalDouble.of(10));
        assertThat(switched.update(10 + TICK, true, 0.1, OptionalDouble.of(10)))
                .as("a freeze within the switch's settling time is the switch's").isZero();
        assertThat(switched.update(10 + 2 * TICK, true, 0.1, OptionalDouble.of(10))).isPositive();

        FreezeShare playing = new FreezeShare();
        playing.update(10, false, 0.1, OptionalDouble.empty());
        assertThat(playing.update(10 + TICK, false, 0.1, OptionalDouble.empty())).isZero();
    }

    @Test
    void aLinkThatKeepsFreezingAFifthOfTheTime_readsAboutAFifth_andAFreezeFades() {
        FreezeShare share = new FreezeShare();
        double now = 0;
        double last = 0;
        for (int i = 0; i < 400; i++, now += TICK) {
            last = share.update(now, i % 5 == 0, 0.1, LONG_AGO);
        }
        assertThat(last).isCloseTo(0.2, within(0.03));

        for (int i = 0; i < 19; i++, now += TICK) {
            share.update(now, false, 0.1, LONG_AGO);
        }
        double fiveSecondsOn = share.update(now, false, 0.1, LONG_AGO);
        assertThat(fiveSecondsOn).as("one time constant later").isCloseTo(last / Math.E, within(0.02));
    }
}
