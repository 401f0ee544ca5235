package org.adaptivestream.netlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.adaptivestream.trace.CapacityTrace;
import org.adaptivestream.trace.CapacityTrace.Segment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The bottleneck's virtual clock and queue, driven with explicit trace times: no sockets, no sleeping. */
@Timeout(5)
class BottleneckTest {

    /** 8000 bit/s: one 1000-byte chunk per second. */
    private static final CapacityTrace KILOBYTE_PER_SECOND = CapacityTrace.constant("1 kB/s", 8000);

    private static Bottleneck bottleneck(CapacityTrace trace, int queueBytes) {
        return new Bottleneck(Optional.of(trace), queueBytes, TraceClock.startingNow());
    }

    @Test
    void tryEnter_backToBackChunks_leaveOneSerialisationTimeApart() {
        Bottleneck link = bottleneck(KILOBYTE_PER_SECOND, 3000);

        assertThat(link.tryEnter(1000, 0)).isCloseTo(1.0, within(1e-9));
        assertThat(link.tryEnter(1000, 0)).isCloseTo(2.0, within(1e-9));
        assertThat(link.tryEnter(500, 0.2)).isCloseTo(2.5, within(1e-9));
    }

    @Test
    void tryEnter_queueFull_refusesUntilTheOldestChunkHasLeft() {
        Bottleneck link = bottleneck(KILOBYTE_PER_SECOND, 3000);
        link.tryEnter(1000, 0);
        link.tryEnter(1000, 0);
        link.tryEnter(1000, 0);

        assertThat(link.tryEnter(1, 0.99)).isEqualTo(-1);
        assertThat(link.tryEnter(1000, 1.0)).isCloseTo(4.0, within(1e-9));
        assertThat(link.peakQueuedBytes()).isEqualTo(3000);
    }

    @Test
    void tryEnter_afterIdle_startsSerialisingAtArrival() {
        Bottleneck link = bottleneck(KILOBYTE_PER_SECOND, 3000);
        link.tryEnter(1000, 0);

        assertThat(link.tryEnter(500, 10)).isCloseTo(10.5, within(1e-9));
    }

    @Test
    void tryEnter_acrossCapacityStep_usesEachSegmentsRate() {
        // 1 kB/s for 1 s, then 4 kB/s.
        CapacityTrace step = CapacityTrace.of("step", List.of(new Segment(0, 8000), new Segment(1, 32000)), 100);
        Bottleneck link = bottleneck(step, 10_000);

        // 500 bytes in the first half second, the other 2000 at 4 kB/s.
        assertThat(link.tryEnter(2500, 0.5)).isCloseTo(1.5, within(1e-9));
    }

    @Test
    void tryEnter_zeroCapacity_waitsForTheTraceToComeBack() {
        CapacityTrace outage = CapacityTrace.of("outage", List.of(new Segment(0, 0), new Segment(2, 8000)), 3);
        Bottleneck link = bottleneck(outage, 10_000);

        assertThat(link.tryEnter(1000, 0.5)).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void tryEnter_unlimited_leavesAtOnceAndQueuesNothing() {
        Bottleneck link = new Bottleneck(Optional.empty(), Chunk.MAX_BYTES, TraceClock.startingNow());

        assertThat(link.tryEnter(1500, 3.0)).isEqualTo(3.0);
        assertThat(link.tryEnter(1500, 3.0)).isEqualTo(3.0);
        assertThat(link.peakQueuedBytes()).isZero();
        assertThat(link.capacityBitsPerSecond()).isInfinite();
    }

    @Test
    void enter_queueFull_blocksUntilRoomThenReturnsDeparture() throws InterruptedException {
        // 1.2 Mbit/s: a 1500-byte chunk takes 10 ms.
        TraceClock clock = TraceClock.startingNow();
        Bottleneck link = new Bottleneck(Optional.of(CapacityTrace.constant("1.2M", 1.2e6)), 3000, clock);
        long start = System.nanoTime();
        link.enter(1500);
        link.enter(1500);

        long third = link.enter(1500);

        long returned = System.nanoTime();
        assertThat(TimeUnit.NANOSECONDS.toMillis(returned - start)).isGreaterThanOrEqualTo(9);
        // 30 ms on time. A thread woken late (the host stole the CPU: 72 ms once) enters late;
        // then at most one chunk is ahead of it, and its own 10 ms.
        assertThat(clock.secondsAt(third)).isBetween(0.0295, clock.secondsAt(returned) + 0.0205);
        assertThat(link.peakQueuedBytes()).isLessThanOrEqualTo(3000);
    }
}
