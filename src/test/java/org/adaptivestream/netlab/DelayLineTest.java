package org.adaptivestream.netlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class DelayLineTest {

    private final TrafficMeter meter = new TrafficMeter();

    @Test
    void takeDue_holdsEachChunkForTheDelay() throws InterruptedException {
        DelayLine line = new DelayLine(Duration.ofMillis(30), Duration.ZERO, 1 << 20, 1, meter);
        long departure = System.nanoTime();
        line.put(new byte[100], departure);
        assertThat(meter.heldBytes()).isEqualTo(100);

        List<Chunk> due = line.takeDue(64 * 1024);

        assertThat(System.nanoTime() - departure).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(30));
        assertThat(due).hasSize(1);
        assertThat(due.get(0).deliverAtNanoTime()).isEqualTo(departure + TimeUnit.MILLISECONDS.toNanos(30));
        assertThat(meter.heldBytes()).isZero();
    }

    @Test
    void put_withJitter_neverReordersAndStaysInRange() throws InterruptedException {
        long delay = TimeUnit.MILLISECONDS.toNanos(5);
        long jitter = TimeUnit.MILLISECONDS.toNanos(4);
        DelayLine line = new DelayLine(Duration.ofNanos(delay), Duration.ofNanos(jitter), 1 << 20, 7, meter);
        long start = System.nanoTime();
        List<Long> departures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long departure = start + i * 50_000L;
            departures.add(departure);
            line.put(new byte[] {(byte) i}, departure);
        }

        List<Chunk> all = new ArrayList<>();
        while (all.size() < 200) {
            all.addAll(line.takeDue(64 * 1024));
        }

        long lowestExtra = Long.MAX_VALUE;
        long highestExtra = Long.MIN_VALUE;
        for (int i = 0; i < all.size(); i++) {
            Chunk chunk = all.get(i);
            assertThat(chunk.bytes()[0]).isEqualTo((byte) i);
            if (i > 0) {
                assertThat(chunk.deliverAtNanoTime()).isGreaterThanOrEqualTo(all.get(i - 1).deliverAtNanoTime());
            }
            long extra = chunk.deliverAtNanoTime() - departures.get(i);
            lowestExtra = Math.min(lowestExtra, extra);
            highestExtra = Math.max(highestExtra, extra);
        }
        assertThat(lowestExtra).isGreaterThanOrEqualTo(delay - jitter);
        assertThat(highestExtra).isLessThanOrEqualTo(delay + jitter);
    }

    @Test
    void put_lineAtItsBound_waitsForTheReceiver() throws Exception {
        DelayLine line = new DelayLine(Duration.ZERO, Duration.ZERO, 3000, 1, meter);
        line.put(new byte[1500], System.nanoTime());
        line.put(new byte[1500], System.nanoTime());

        CompletableFuture<Void> third = CompletableFuture.runAsync(() -> {
            try {
                line.put(new byte[1500], System.nanoTime());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.sleep(50);
        assertThat(third).isNotDone();

        line.takeDue(1500);
        third.get(2, TimeUnit.SECONDS);
        assertThat(line.heldBytes()).isEqualTo(3000);
    }

    @Test
    void takeDue_endOfStream_comesLastAfterTheData() throws InterruptedException {
        DelayLine line = new DelayLine(Duration.ZERO, Duration.ZERO, 1 << 20, 1, meter);
        line.put(new byte[10], System.nanoTime());
        line.put(new byte[0], System.nanoTime());
        line.put(new byte[10], System.nanoTime());

        List<Chunk> due = line.takeDue(64 * 1024);

        assertThat(due).hasSize(2);
        assertThat(due.get(1).isEndOfStream()).isTrue();
    }

    @Test
    void pendingBytes_countsOnlyWhatIsNotDueYet() throws InterruptedException {
        DelayLine line = new DelayLine(Duration.ofMillis(10), Duration.ZERO, 1 << 20, 1, meter);
        long now = System.nanoTime();
        line.put(new byte[700], now - TimeUnit.SECONDS.toNanos(1)); // due long ago: the writer is behind
        line.put(new byte[500], now + TimeUnit.SECONDS.toNanos(10)); // still queued at the bottleneck
        line.put(new byte[300], now + TimeUnit.SECONDS.toNanos(11));

        assertThat(line.heldBytes()).isEqualTo(1500);
        assertThat(line.pendingBytes()).isEqualTo(800);
        line.takeDue(64 * 1024);
        assertThat(line.pendingBytes()).isEqualTo(800);
        assertThat(line.heldBytes()).isEqualTo(800);
    }

    @Test
    void budgetFor_coversTheQueueAndTwiceWhatTheLinkHoldsInFlight() {
        // 80 Mbit/s for 100 ms is 1 MB in flight.
        assertThat(DelayLine.budgetFor(5000, 80e6, Duration.ofMillis(100), Duration.ZERO)).isEqualTo(2_005_000);
        assertThat(DelayLine.budgetFor(5000, 1e6, Duration.ofMillis(1), Duration.ZERO)).isEqualTo(5000 + DelayLine.MIN_BUDGET_BYTES);
        assertThat(DelayLine.budgetFor(5000, 1e10, Duration.ofSeconds(1), Duration.ZERO)).isEqualTo(5000 + DelayLine.MAX_BUDGET_BYTES);
    }
}
