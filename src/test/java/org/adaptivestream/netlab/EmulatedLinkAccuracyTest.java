package org.adaptivestream.netlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.adaptivestream.trace.CapacityTrace;
import org.adaptivestream.trace.CapacityTrace.Segment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The link does what its profile says, measured end to end through real loopback sockets.
 * Each test measures over seconds of real time and tolerates a loaded machine: rates come from
 * the link's virtual clock, delays are medians.
 */
class EmulatedLinkAccuracyTest {

    private static final double RATE_TOLERANCE = 0.05;
    private static final long DELAY_TOLERANCE_MILLIS = 5;
    private static final long MEASURE_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** Lets the queue fill before measuring, so the sender is always ahead of the link. */
    private static final long WARM_UP_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(2, TimeUnit.SECONDS);
    }

    @Test
    @Timeout(40)
    void deliveredRate_saturatedFixedLinks_withinFivePercentOverTenSeconds() throws Exception {
        try (LoopbackServer flood = LoopbackServer.start(LoopbackServer.flood());
                EmulatedLink slow = NetworkLab.start(flood.address(), fixedRate(2e6));
                EmulatedLink fast = NetworkLab.start(flood.address(), fixedRate(8e6))) {
            Future<Double> slowRate = pool.submit(() -> saturatedRate(slow));
            Future<Double> fastRate = pool.submit(() -> saturatedRate(fast));

            double slowError = slowRate.get() / 2e6 - 1;
            double fastError = fastRate.get() / 8e6 - 1;
            System.out.printf("netlab rate over 10 s: 2 Mbit/s %+.2f %%, 8 Mbit/s %+.2f %%%n",
                    slowError * 100, fastError * 100);
            assertThat(slowError).isCloseTo(0, within(RATE_TOLERANCE));
            assertThat(fastError).isCloseTo(0, within(RATE_TOLERANCE));
        }
    }

    @Test
    @Timeout(20)
    void addedDelay_idleLink_medianWithinFiveMillisBothWays() throws Exception {
        NetworkProfile profile = fixedRate(8e6).withOneWayDelay(Duration.ofMillis(50));
        List<Long> uplinkNanos = new CopyOnWriteArrayList<>();
        try (LoopbackServer server = LoopbackServer.start(LoopbackServer.timestamps(uplinkNanos));
                EmulatedLink link = NetworkLab.start(server.address(), profile)) {
            List<Long> downlinkNanos = pingPong(link, 40, 25);

            double down = medianMillis(downlinkNanos);
            double up = medianMillis(uplinkNanos);
            System.out.printf("netlab delay, 50 ms configured: downlink median %.2f ms (mean %.2f), uplink median %.2f ms (mean %.2f)%n",
                    down, meanMillis(downlinkNanos), up, meanMillis(uplinkNanos));
            assertThat(down).isCloseTo(50, within((double) DELAY_TOLERANCE_MILLIS));
            assertThat(up).isCloseTo(50, within((double) DELAY_TOLERANCE_MILLIS));
        }
    }

    @Test
    @Timeout(20)
    void jitter_idleLink_spreadsDelaysWithinRange() throws Exception {
        NetworkProfile profile = fixedRate(8e6).withOneWayDelay(Duration.ofMillis(30)).withJitter(Duration.ofMillis(10));
        try (LoopbackServer server = LoopbackServer.start(LoopbackServer.timestamps(new CopyOnWriteArrayList<>()));
                EmulatedLink link = NetworkLab.start(server.address(), profile)) {
            List<Long> downlinkNanos = pingPong(link, 40, 25);

            List<Double> millis = downlinkNanos.stream().map(n -> n / 1e6).sorted().toList();
            System.out.printf("netlab jitter 30 ± 10 ms: min %.2f, median %.2f, max %.2f ms%n",
                    millis.get(0), millis.get(millis.size() / 2), millis.get(millis.size() - 1));
            assertThat(millis.get(0)).isGreaterThanOrEqualTo(20 - 0.5);
            assertThat(millis.get(millis.size() / 2)).isBetween(20.0, 40.0 + DELAY_TOLERANCE_MILLIS);
            assertThat(millis.get(millis.size() - 1) - millis.get(0)).isGreaterThan(8.0);
        }
    }

    @Test
    @Timeout(30)
    void deliveredRate_largeQueueAndDelay_fillsLinkAndQueueOverTenSeconds() throws Exception {
        // 40 Mbit/s, 20 ms: 100 kB in flight behind a 256 KiB queue. Over the 10 s, like the
        // other rates: over 3 s it read -9.7 % once in a verify run (otherwise within 0.02 %), about
        // a third of a second of no delivery, which costs 10 % of 3 s but 3 % of 10 s.
        NetworkProfile profile = fixedRate(40e6).withOneWayDelay(Duration.ofMillis(20)).withQueueBytes(256 * 1024);
        try (LoopbackServer flood = LoopbackServer.start(LoopbackServer.flood());
                EmulatedLink link = NetworkLab.start(flood.address(), profile);
                Socket socket = new Socket()) {
            socket.connect(link.localAddress(), 2_000);
            socket.setSoTimeout(5_000);
            assertThat(socket.getInputStream().read()).isNotNegative();
            long from = System.nanoTime() + WARM_UP_NANOS;
            long to = from + MEASURE_NANOS;

            double rate = Arrivals.receive(socket, to + TimeUnit.MILLISECONDS.toNanos(50)).bitsPerSecondBetween(from, to);

            System.out.printf("netlab rate over 10 s: 40 Mbit/s, 20 ms %+.2f %%%n", (rate / 40e6 - 1) * 100);
            assertThat(rate / 40e6 - 1).isCloseTo(0, within(RATE_TOLERANCE));
            // The whole queue is usable: what is in flight does not eat into it.
            assertThat(link.counters().downlink().peakQueuedBytes()).isGreaterThan(256 * 1024 - 2L * Chunk.MAX_BYTES);
        }
    }

    @Test
    @Timeout(30)
    void traceReplay_stepTrace_twoLinksStartedApartFollowEachStepInStep() throws Exception {
        CapacityTrace steps = CapacityTrace.of("6/2/6", List.of(
                new Segment(0, 6e6), new Segment(2, 2e6), new Segment(4, 6e6)), 6);
        NetworkProfile profile = new NetworkProfile("steps", steps, Duration.ofMillis(10), 32 * 1024, Duration.ZERO);
        TraceClock clock = TraceClock.startingNow();
        long endNanoTime = clock.nanoTimeAt(6.0);
        try (LoopbackServer flood = LoopbackServer.start(LoopbackServer.flood());
                EmulatedLink first = NetworkLab.start(flood.address(), profile, clock)) {
            Future<Arrivals> firstArrivals = pool.submit(() -> receiveUntil(first, endNanoTime));
            Thread.sleep(700);
            try (EmulatedLink second = NetworkLab.start(flood.address(), profile, clock)) {
                // Read first, second, first: on one shared clock the second link's trace time lies between
                // the two readings of the first (a slow first call, JIT or load, can put 60 ms between two reads).
                double before = first.counters().traceSeconds();
                double secondAt = second.counters().traceSeconds();
                double after = first.counters().traceSeconds();
                assertThat(secondAt).isBetween(before - 0.005, after + 0.005);
                Future<Arrivals> secondArrivals = pool.submit(() -> receiveUntil(second, endNanoTime));

                // The first window opens 0.6 s after the second link starts, once its connection
                // is streaming: from 0.3 s, a loaded machine measured 6 % short (CI flake).
                double[][] windows = {{1.3, 1.95}, {2.2, 3.9}, {4.2, 5.9}};
                double[] expected = {6e6, 2e6, 6e6};
                for (Future<Arrivals> arrivals : List.of(firstArrivals, secondArrivals)) {
                    Arrivals a = arrivals.get();
                    for (int i = 0; i < windows.length; i++) {
                        long delay = profile.oneWayDelay().toNanos();
                        double rate = a.bitsPerSecondBetween(clock.nanoTimeAt(windows[i][0]) + delay,
                                clock.nanoTimeAt(windows[i][1]) + delay);
                        System.out.printf("netlab step %d: %.3f Mbit/s, expected %.0f (%+.2f %%)%n",
                                i, rate / 1e6, expected[i] / 1e6, (rate / expected[i] - 1) * 100);
                        assertThat(rate / expected[i] - 1).isCloseTo(0, within(RATE_TOLERANCE));
                    }
                }
            }
        }
    }

    @Test
    @Timeout(20)
    void queue_senderFasterThanLink_fillsButNeverExceedsBound() throws Exception {
        int queueBytes = 16 * 1024;
        NetworkProfile profile = fixedRate(2e6).withQueueBytes(queueBytes);
        try (LoopbackServer flood = LoopbackServer.start(LoopbackServer.flood());
                EmulatedLink link = NetworkLab.start(flood.address(), profile)) {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
            Future<Arrivals> arrivals = pool.submit(() -> receiveUntil(link, end));
            long mostQueued = 0;
            long mostPending = 0;
            long mostHeld = 0;
            while (System.nanoTime() - end < 0) {
                LinkCounters.Direction down = link.counters().downlink();
                mostQueued = Math.max(mostQueued, down.queuedBytes());
                mostPending = Math.max(mostPending, down.pendingBytes());
                mostHeld = Math.max(mostHeld, down.heldBytes());
                Thread.sleep(5);
            }
            arrivals.get();
            LinkCounters counters = link.counters();

            // In flight past the queue: 2 Mbit/s for 10 ms is 2500 bytes.
            long inFlightBytes = 2_500;
            long lineBudget = DelayLine.budgetFor(queueBytes, 2e6, profile.oneWayDelay(), profile.jitter());
            System.out.printf("netlab queue %d B: most sampled %d B, peak %d B, most pending %d B, most held %d B%n",
                    queueBytes, mostQueued, counters.downlink().peakQueuedBytes(), mostPending, mostHeld);
            // What the link holds by its rules (queued or propagating, not yet due) never exceeds the
            // queue and what is in flight. Bytes already due wait only for the relay's writer thread,
            // which a busy machine schedules late (that once showed here as 32 KB "held" against a
            // 20 KB bound); they are bounded by the line's budget, checked below.
            assertThat(mostPending).isLessThanOrEqualTo(queueBytes + inFlightBytes + Chunk.MAX_BYTES);
            assertThat(counters.downlink().peakQueuedBytes()).isLessThanOrEqualTo(queueBytes);
            assertThat(mostQueued).isLessThanOrEqualTo(queueBytes).isGreaterThan(queueBytes - 2L * Chunk.MAX_BYTES);
            assertThat(mostHeld).isLessThanOrEqualTo(lineBudget);
            assertThat(counters.downlink().heldBytes()).isLessThanOrEqualTo(lineBudget);
        }
    }

    @Test
    @Timeout(20)
    void queue_senderFasterThanLink_isHeldBackAtTheQueue_notByHiddenKernelBuffers() throws Exception {
        int queueBytes = 16 * 1024;
        NetworkProfile profile = fixedRate(1e6).withQueueBytes(queueBytes);
        AtomicLong written = new AtomicLong();
        LoopbackServer.Handler smallBufferFlood = socket -> {
            // As the streaming server does: its own send buffer must not hide the relay's.
            socket.setSendBufferSize(64 * 1024);
            LoopbackServer.flood(written).handle(socket);
        };
        try (LoopbackServer flood = LoopbackServer.start(smallBufferFlood);
                EmulatedLink link = NetworkLab.start(flood.address(), profile)) {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2000);
            Arrivals arrivals = receiveUntil(link, end);
            long backlog = written.get() - arrivals.bytesBy(end);
            System.out.printf("netlab back-pressure: %d B written, %d B received, %d B between%n",
                    written.get(), arrivals.bytesBy(end), backlog);
            // Between the sender and the receiver: the sender's send buffer (128 KB as Linux
            // doubles it), the relay's receive buffer (32 KB), and the queue; 130 KB measured. A
            // real bottleneck holds no more. Left to autotuning, the relay's socket held 245 KB
            // after 2 s here, and through a 10 s outage seconds of stale video.
            assertThat(backlog).isLessThan(queueBytes + 192 * 1024);
        }
    }

    static NetworkProfile fixedRate(double bitsPerSecond) {
        return new NetworkProfile("fixed", CapacityTrace.constant("fixed", bitsPerSecond),
                Duration.ofMillis(10), 64 * 1024, Duration.ZERO);
    }

    private static double saturatedRate(EmulatedLink link) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(link.localAddress(), 2_000);
            socket.setSoTimeout(5_000);
            int first = socket.getInputStream().read();
            assertThat(first).isNotNegative();
            long from = System.nanoTime() + WARM_UP_NANOS;
            long to = from + MEASURE_NANOS;
            return Arrivals.receive(socket, to + TimeUnit.MILLISECONDS.toNanos(50)).bitsPerSecondBetween(from, to);
        }
    }

    private static Arrivals receiveUntil(EmulatedLink link, long endNanoTime) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(link.localAddress(), 2_000);
            return Arrivals.receive(socket, endNanoTime);
        }
    }

    /** Sends timestamps one at a time, a pause apart; returns each answer's one-way delay. */
    private static List<Long> pingPong(EmulatedLink link, int count, long pauseMillis) throws Exception {
        List<Long> downlinkNanos = new ArrayList<>();
        try (Socket socket = new Socket()) {
            socket.connect(link.localAddress(), 2_000);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(5_000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            for (int i = 0; i < count; i++) {
                out.writeLong(System.nanoTime());
                out.flush();
                long sentBack = in.readLong();
                downlinkNanos.add(System.nanoTime() - sentBack);
                Thread.sleep(pauseMillis);
            }
        }
        return downlinkNanos;
    }

    private static double medianMillis(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1e6;
    }

    private static double meanMillis(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).average().orElseThrow() / 1e6;
    }
}
