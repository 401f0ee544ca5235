package org.adaptivestream.adaptation.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusyTimeTrainTest {

    private static final double PROPAGATION = 0.020;
    private static final double FRAME_INTERVAL = 1 / 30.0;

    /** Frames of {@code frameBits} every frame interval through a FIFO link of {@code rate(t)}, in 0.1 ms steps. */
    private static List<BusyTimeTrain.Sample> stream(int frames, double frameBits, java.util.function.DoubleUnaryOperator rate) {
        BusyTimeTrain train = new BusyTimeTrain();
        List<BusyTimeTrain.Sample> samples = new ArrayList<>();
        double linkFree = 0;
        for (int i = 0; i < frames; i++) {
            double send = i * FRAME_INTERVAL;
            double t = Math.max(send + PROPAGATION, linkFree);
            double left = frameBits;
            while (left > 0) {
                left -= rate.applyAsDouble(t) * 0.0001;
                t += 0.0001;
            }
            linkFree = t;
            BusyTimeTrain.Sample sample = train.onFrame(send, t, frameBits, PROPAGATION);
            if (sample != null) {
                samples.add(sample);
            }
        }
        return samples;
    }

    private static double rate(BusyTimeTrain.Sample s) {
        return s.bits() / s.busySeconds();
    }

    @Test
    void aLinkFasterThanTheStream_isMeasuredAtItsOwnRate_notTheStreamsRate() {
        // 1 Mbit/s of video over a 10 Mbit/s link: the link idles 90 % of the time.
        List<BusyTimeTrain.Sample> samples = stream(90, 1e6 / 30, t -> 10e6);
        assertTrue(samples.size() >= 10, "samples: " + samples.size());
        for (BusyTimeTrain.Sample s : samples) {
            assertEquals(10e6, rate(s), 10e6 * 0.05);
        }
        // The first train ends after four frames (13 ms of busy link here), every later one fills its busy time.
        for (BusyTimeTrain.Sample s : samples.subList(1, samples.size())) {
            assertTrue(s.busySeconds() >= BusyTimeTrain.MIN_TRAIN_SECONDS);
        }
    }

    @Test
    void aDeadSpellTheFramesWaitedOut_countsInTheBusyTime() {
        // 5 Mbit/s, but dead from 1.0 s to 1.5 s: the train that spans the spell must show it.
        List<BusyTimeTrain.Sample> samples = stream(90, 1e6 / 30, t -> t >= 1.0 && t < 1.5 ? 0 : 5e6);
        double slowest = samples.stream().mapToDouble(BusyTimeTrainTest::rate).min().orElseThrow();
        assertTrue(slowest < 1e6, "slowest sample " + slowest);
        double bits = samples.stream().mapToDouble(BusyTimeTrain.Sample::bits).sum();
        double busy = samples.stream().mapToDouble(BusyTimeTrain.Sample::busySeconds).sum();
        // Over every train, what crossed in the time the link had work: at most the link's average.
        assertTrue(bits / busy < 5e6, "overall " + bits / busy);
    }

    @Test
    void framesQueuedBehindEachOther_measureTheLinkEvenWithAWrongPropagation() {
        BusyTimeTrain train = new BusyTimeTrain();
        double frameBits = 100_000;
        double linkRate = 2e6;
        List<BusyTimeTrain.Sample> samples = new ArrayList<>();
        // A link saturated for good: each frame arrives a serialisation time after the one before
        // it. Only the first frame's start depends on the propagation, here far too small.
        for (int i = 0; i < 20; i++) {
            double arrival = 1 + (i + 1) * frameBits / linkRate;
            BusyTimeTrain.Sample sample = train.onFrame(i * FRAME_INTERVAL, arrival, frameBits, 0.001);
            if (sample != null) {
                samples.add(sample);
            }
        }
        assertTrue(samples.size() >= 10);
        for (BusyTimeTrain.Sample s : samples.subList(1, samples.size())) {
            assertEquals(linkRate, rate(s), linkRate * 0.01);
        }
    }

    @Test
    void aReaderThatWakesLate_evensOutOverTheTrains() {
        // Frames that crossed at 4 Mbit/s, 2 ms each, but read five at a time.
        BusyTimeTrain train = new BusyTimeTrain();
        double frameBits = 8_000;
        double serialise = frameBits / 4e6;
        double bits = 0;
        double busy = 0;
        for (int i = 0; i < 100; i++) {
            double read = PROPAGATION + (i / 5 + 1) * 5 * serialise;
            BusyTimeTrain.Sample sample = train.onFrame(0, read, frameBits, PROPAGATION);
            if (sample != null) {
                bits += sample.bits();
                busy += sample.busySeconds();
            }
        }
        assertTrue(busy > 0.15, "busy " + busy);
        assertEquals(4e6, bits / busy, 4e6 * 0.05);
    }

    @Test
    void aFrameAheadOfItsEarliestArrival_isClockNoiseAndIgnored() {
        BusyTimeTrain train = new BusyTimeTrain();
        assertNull(train.onFrame(1.0, 1.01, 1e6, PROPAGATION));
        // Had it counted, a megabit in no time would have made the next train absurdly fast.
        BusyTimeTrain.Sample sample = train.onFrame(1.1, 1.1 + PROPAGATION + 0.05, 100_000, PROPAGATION);
        assertNotNull(sample);
        assertEquals(2e6, rate(sample), 1);
    }

    @Test
    void onALinkTooFastToFillATrain_aSampleStillComesEveryHalfSecond() {
        List<BusyTimeTrain.Sample> samples = stream(60, 0.4e6 / 30, t -> 1e9);
        assertTrue(samples.size() >= 3, "samples in 2 s: " + samples.size());
    }

    @Test
    void onALinkTooFastToFillATrain_theFirstSampleComesAfterFourFrames_andAgainAfterAReset() {
        BusyTimeTrain train = new BusyTimeTrain();
        for (int round = 0; round < 2; round++) {
            List<Integer> counts = framesPerSample(train, 40, 0.4e6 / 30);
            assertEquals(4, counts.get(0), "round " + round + ": " + counts);
            assertTrue(counts.size() >= 3 && counts.subList(1, counts.size()).stream().allMatch(n -> n >= 15),
                    "round " + round + ": " + counts);
            train.reset();
        }
    }

    /** How many frames each sample took, frames sent every frame interval over a link far faster than them. */
    private static List<Integer> framesPerSample(BusyTimeTrain train, int frames, double frameBits) {
        List<Integer> counts = new ArrayList<>();
        int inTrain = 0;
        for (int i = 0; i < frames; i++) {
            double send = i * FRAME_INTERVAL;
            inTrain++;
            if (train.onFrame(send, send + PROPAGATION + 0.0001, frameBits, PROPAGATION) != null) {
                counts.add(inTrain);
                inTrain = 0;
            }
        }
        return counts;
    }
}
