package org.adaptivestream.adaptation.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeadSpellFilterTest {

    private static final double ONE_WAY = 0.04;
    private static final double FRAME_INTERVAL = 1 / 30.0;

    private final CapacityEstimator capacity = new CapacityEstimator();
    private final DeadSpellFilter filter = new DeadSpellFilter(capacity);

    @Test
    void aWaitFollowedByAFastTrain_isADeadSpell_notASlowSample() {
        filter.onTrain(0.0, new BusyTimeTrain.Sample(80_000, 0.01)); // 8 Mbit/s
        filter.onTrain(0.5, new BusyTimeTrain.Sample(80_000, 0.01));
        filter.onTrain(1.5, new BusyTimeTrain.Sample(80_000, 0.81)); // 80 kbit that waited 0.8 s
        filter.onTrain(1.52, new BusyTimeTrain.Sample(160_000, 0.02)); // the queue behind it, at 8 Mbit/s again

        assertEquals(8e6, capacity.latestBitsPerSecond().orElseThrow(), 1);
        // 0.8 s dead beside the 4 s window.
        assertEquals(8e6 * 4 / 4.8, capacity.smoothedBitsPerSecond().orElseThrow(), 1);
    }

    @Test
    void aLinkThatResumesInStutters_eachStopIsADeadSpell() {
        // TMobile-LTE-driving at 21.6 s: dead for a second, back for a few packets, 70 ms of nothing, then 8 Mbit/s.
        filter.onTrain(0.0, new BusyTimeTrain.Sample(80_000, 0.01)); // 8 Mbit/s
        filter.onTrain(1.5, new BusyTimeTrain.Sample(80_000, 1.0)); // waited out the spell
        filter.onTrain(1.58, new BusyTimeTrain.Sample(160_000, 0.08)); // a stutter: 2 Mbit/s over its busy time
        filter.onTrain(1.6, new BusyTimeTrain.Sample(160_000, 0.02)); // the link back at 8 Mbit/s

        assertEquals(8e6, capacity.latestBitsPerSecond().orElseThrow(), 1, "the stutter is no slow link");
        assertEquals(240_000 / 0.03, capacity.recentBitsPerSecond().orElseThrow(), 1);
    }

    @Test
    void aSlowTrainFollowedByAnotherAsSlow_isASlowLink() {
        filter.onTrain(0.0, new BusyTimeTrain.Sample(80_000, 0.01));
        filter.onTrain(1.0, new BusyTimeTrain.Sample(100_000, 0.2)); // 0.5 Mbit/s
        filter.onTrain(1.2, new BusyTimeTrain.Sample(100_000, 0.15)); // 0.67 Mbit/s: the link is slow, not back

        assertEquals(100_000 / 0.2, capacity.latestBitsPerSecond().orElseThrow(), 1,
                "the first slow train counts once the next one shows the link slow");
        filter.flush(1.2 + DeadSpellFilter.HOLD_SECONDS);
        assertEquals(200_000 / 0.35, capacity.latestBitsPerSecond().orElseThrow(), 1);
        assertEquals(280_000 / 0.36, capacity.smoothedBitsPerSecond().orElseThrow(), 1, "nothing was taken for a dead spell");
    }

    @Test
    void aSlowLinkThatSpeedsUp_isNoDeadSpell_forALinkThatStops_wasFastBeforeItStopped() {
        filter.onTrain(0.0, new BusyTimeTrain.Sample(40_000, 0.05)); // 0.8 Mbit/s
        filter.onTrain(0.5, new BusyTimeTrain.Sample(40_000, 0.06));
        filter.onTrain(1.0, new BusyTimeTrain.Sample(80_000, 0.2)); // 0.4 Mbit/s
        filter.onTrain(1.05, new BusyTimeTrain.Sample(160_000, 0.02)); // 8 Mbit/s

        assertEquals(320_000 / 0.33, capacity.smoothedBitsPerSecond().orElseThrow(), 1, "all four as samples");
    }

    @Test
    void twoSlowTrainsBeforeAFastOne_areASlowStretch_notADeadSpell() {
        filter.onTrain(0.0, new BusyTimeTrain.Sample(80_000, 0.01)); // 8 Mbit/s
        filter.onTrain(1.0, new BusyTimeTrain.Sample(100_000, 0.2)); // 0.5 Mbit/s
        filter.onTrain(1.2, new BusyTimeTrain.Sample(100_000, 0.2)); // 0.5 Mbit/s: the link before this one was slow
        filter.onTrain(1.25, new BusyTimeTrain.Sample(160_000, 0.02)); // 8 Mbit/s

        assertEquals(440_000 / 0.43, capacity.smoothedBitsPerSecond().orElseThrow(), 1, "all four as samples");
    }

    @Test
    void aLongWaitBeforeAFastTrain_isADeadSpell_evenAfterACrawl() {
        // ATT-LTE-driving's 10 s outage in real mode: it let two trains crawl through before the link came back.
        filter.onTrain(0.0, new BusyTimeTrain.Sample(80_000, 0.01)); // 8 Mbit/s
        filter.onTrain(5.3, new BusyTimeTrain.Sample(100_000, 5.3)); // 0.02 Mbit/s
        filter.onTrain(10.0, new BusyTimeTrain.Sample(140_000, 4.7)); // 0.03 Mbit/s, after a crawl: not fast before it
        filter.onTrain(10.02, new BusyTimeTrain.Sample(160_000, 0.02)); // the link back at 8 Mbit/s

        assertEquals(8e6, capacity.latestBitsPerSecond().orElseThrow(), 1);
        // The first crawl has left the window; the second is a dead spell, weighed as a second.
        assertEquals(8e6 * 4 / 5, capacity.smoothedBitsPerSecond().orElseThrow(), 1);
    }

    @Test
    void aHeldTrain_countsAsSlowOnceNothingFasterFollowsInTime() {
        filter.onTrain(0.0, new BusyTimeTrain.Sample(80_000, 0.01));
        filter.onTrain(0.2, new BusyTimeTrain.Sample(80_000, 0.01));
        filter.onTrain(1.0, new BusyTimeTrain.Sample(100_000, 0.5));

        filter.flush(1.0 + DeadSpellFilter.HOLD_SECONDS / 2);
        assertEquals(8e6, capacity.latestBitsPerSecond().orElseThrow(), 1, "held for a moment");
        filter.flush(1.0 + DeadSpellFilter.HOLD_SECONDS);
        assertEquals(2e5, capacity.latestBitsPerSecond().orElseThrow(), 1);
    }

    @Test
    void throughTheClient_aDeadSpellLeavesTheLinkRate_whereAStepDownLowersIt() {
        LinkEstimators dead = linkWithRoundTrip();
        LinkEstimators slow = linkWithRoundTrip();
        FifoLink deadLink = new FifoLink(8e6);
        FifoLink slowLink = new FifoLink(8e6);
        deadLink.deadFrom = 5.0;
        deadLink.deadUntil = 5.6;
        double frameBits = 1e6 / 30;
        for (int i = 0; i < 210; i++) { // 7 s of a 1 Mbit/s stream
            double send = 0.3 + i * FRAME_INTERVAL;
            if (send >= 5.0) {
                slowLink.rate = 2e6;
            }
            dead.onWholeFrame(send, deadLink.arrival(send, frameBits), frameBits);
            slow.onWholeFrame(send, slowLink.arrival(send, frameBits), frameBits);
        }
        LinkEstimates afterDead = dead.snapshot(7.3);
        LinkEstimates afterStep = slow.snapshot(7.3);

        assertEquals(8e6, afterDead.capacityLatestBitsPerSecond().orElseThrow(), 8e6 * 0.05);
        // The 0.6 s wait costs its share of 4.6 s of link time, not the half of the window's busy time it would be.
        assertEquals(8e6 * 4 / 4.6, afterDead.capacityBitsPerSecond().orElseThrow(), 8e6 * 0.05);
        assertEquals(2e6, afterStep.capacityLatestBitsPerSecond().orElseThrow(), 2e6 * 0.05);
        assertTrue(afterStep.capacityBitsPerSecond().orElseThrow() < 4e6,
                "the slow stretch weighs by its busy time: " + afterStep.capacityBitsPerSecond());
    }

    private static LinkEstimators linkWithRoundTrip() {
        LinkEstimators estimators = new LinkEstimators();
        for (int i = 0; i < 3; i++) {
            estimators.onPong(i * 0.1, 2 * ONE_WAY);
        }
        return estimators;
    }

    /** A first-in first-out bottleneck that carries nothing in [deadFrom, deadUntil). */
    private static final class FifoLink {
        double rate;
        double deadFrom = Double.POSITIVE_INFINITY;
        double deadUntil = Double.POSITIVE_INFINITY;
        private double free;

        FifoLink(double rate) {
            this.rate = rate;
        }

        double arrival(double sendSeconds, double bits) {
            double start = Math.max(sendSeconds, free);
            double finish = start + bits / rate;
            if (start >= deadFrom && start < deadUntil) {
                finish = deadUntil + bits / rate;
            } else if (start < deadFrom && finish > deadFrom) {
                finish += deadUntil - deadFrom;
            }
            free = finish;
            return finish + ONE_WAY;
        }
    }
}
