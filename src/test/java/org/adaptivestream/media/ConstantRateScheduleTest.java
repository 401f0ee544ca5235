package org.adaptivestream.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstantRateScheduleTest {

    /** Feeds source frames at the given start times and returns how often each was repeated. */
    private static List<Integer> repeats(FrameRate output, long[] startsMicros, long endMicros) {
        ConstantRateSchedule schedule = new ConstantRateSchedule(output);
        List<Integer> repeats = new ArrayList<>();
        for (int i = 1; i < startsMicros.length; i++) {
            repeats.add(schedule.repeatsBefore(startsMicros[i]));
        }
        repeats.add(schedule.repeatsUntilEnd(endMicros));
        return repeats;
    }

    private static long[] evenly(int frames, double perSecond) {
        long[] starts = new long[frames];
        for (int i = 0; i < frames; i++) {
            starts[i] = Math.round(i * 1_000_000 / perSecond);
        }
        return starts;
    }

    @Test
    void repeats_sameRate_keepsEveryFrameOnce() {
        assertThat(repeats(FrameRate.of(30), evenly(90, 30), 3_000_000)).hasSize(90).containsOnly(1);
    }

    @Test
    void repeats_ntscSourceAtNtscRate_keepsEveryFrameOnce() {
        FrameRate ntsc = new FrameRate(30000, 1001);
        assertThat(repeats(ntsc, evenly(300, ntsc.perSecond()), Math.round(300 * 1_000_000 / ntsc.perSecond())))
                .containsOnly(1);
    }

    @Test
    void repeats_doubleRateSource_dropsEveryOtherFrame() {
        List<Integer> repeats = repeats(FrameRate.of(60), evenly(240, 120), 2_000_000);
        assertThat(repeats.stream().mapToInt(Integer::intValue).sum()).isEqualTo(120);
        assertThat(repeats).containsOnly(0, 1);
    }

    @Test
    void repeats_slowerSource_fillsEveryOutputFrame() {
        List<Integer> repeats = repeats(FrameRate.of(30), evenly(24, 24), 1_000_000);
        assertThat(repeats.stream().mapToInt(Integer::intValue).sum()).isEqualTo(30);
        assertThat(repeats).containsOnly(1, 2);
    }

    @Test
    void repeats_variableRateSource_holdsEachFrameUntilTheNext() {
        long[] starts = {0, 100_000, 110_000, 500_000};
        assertThat(repeats(FrameRate.of(10), starts, 600_000)).containsExactly(1, 0, 4, 1);
    }
}
