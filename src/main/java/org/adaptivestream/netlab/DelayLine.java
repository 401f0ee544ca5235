package org.adaptivestream.netlab;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Propagation along one direction of one connection: each chunk, once admitted to the
 * bottleneck, waits here until its last bit has left the bottleneck and then for the one-way
 * delay (plus jitter), and comes out in order. Jittered delivery times are never earlier than
 * the previous chunk's, because a TCP stream is never reordered; under a steady flow that
 * pushes the delay towards the top of the jitter range, as netem does.
 *
 * <p>The bytes held are bounded so that a receiver that stops reading stops the relay too
 * instead of growing the line without limit; the bound is the bottleneck's queue plus twice
 * what the link can have in flight, so it never limits a reading receiver. One thread puts,
 * one takes.
 */
final class DelayLine {

    /** Smallest bound: a few chunks in flight even on a very slow or short link. */
    static final long MIN_BUDGET_BYTES = 64 * 1024;
    static final long MAX_BUDGET_BYTES = 8 * 1024 * 1024;
    /** Stand-in for "unlimited" when sizing the line of a link without a rate limit. */
    static final double UNLIMITED_BITS_PER_SECOND = 1e9;

    private final long delayNanos;
    private final long jitterNanos;
    private final long budgetBytes;
    private final SplittableRandom random;
    private final TrafficMeter meter;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a chunk arrives in an empty line: later chunks are never due sooner. */
    private final Condition headArrived = lock.newCondition();
    private final Condition roomFreed = lock.newCondition();
    private final ArrayDeque<Chunk> chunks = new ArrayDeque<>();
    private long heldBytes;
    private long lastDeliveryNanoTime = Long.MIN_VALUE;

    DelayLine(Duration delay, Duration jitter, long budgetBytes, long seed, TrafficMeter meter) {
        this.delayNanos = delay.toNanos();
        this.jitterNanos = jitter.toNanos();
        this.budgetBytes = budgetBytes;
        this.random = new SplittableRandom(seed);
        this.meter = meter;
    }

    /** The byte bound for a line behind a queue of {@code queueBytes}, at up to {@code peakBitsPerSecond}. */
    static long budgetFor(int queueBytes, double peakBitsPerSecond, Duration delay, Duration jitter) {
        double inFlightBytes = peakBitsPerSecond / 8 * (delay.toNanos() + jitter.toNanos()) / 1e9;
        return queueBytes + (long) Math.min(MAX_BUDGET_BYTES, Math.max(MIN_BUDGET_BYTES, 2 * inFlightBytes));
    }

    /**
     * Sends bytes whose last bit left the bottleneck at {@code departureNanoTime}; waits while
     * the line is at its bound. An empty array sends the end of the stream.
     */
    void put(byte[] bytes, long departureNanoTime) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (heldBytes > 0 && heldBytes + bytes.length > budgetBytes) {
                roomFreed.await();
            }
            long deliverAt = departureNanoTime + delayNanos + jitterSampleNanos();
            if (lastDeliveryNanoTime != Long.MIN_VALUE && deliverAt - lastDeliveryNanoTime < 0) {
                deliverAt = lastDeliveryNanoTime;
            }
            lastDeliveryNanoTime = deliverAt;
            chunks.addLast(new Chunk(bytes, deliverAt));
            heldBytes += bytes.length;
            meter.held(bytes.length);
            if (chunks.size() == 1) {
                headArrived.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the oldest chunk is due, then removes it and every other chunk already due,
     * up to {@code maxBytes} (at least one chunk), so one socket write can carry them. The
     * end-of-stream chunk, if due, comes last in the list.
     */
    List<Chunk> takeDue(int maxBytes) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                Chunk head = chunks.peekFirst();
                if (head == null) {
                    headArrived.await();
                    continue;
                }
                long wait = head.deliverAtNanoTime() - System.nanoTime();
                if (wait > 0) {
                    headArrived.awaitNanos(wait);
                    continue;
                }
                return removeDue(maxBytes);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Bytes whose delivery time has not come yet (queued or propagating); the rest of those held are due. */
    long pendingBytes() {
        lock.lock();
        try {
            long now = System.nanoTime();
            long pending = 0;
            // Delivery times never decrease along the line, so the pending chunks are its tail.
            for (var it = chunks.descendingIterator(); it.hasNext(); ) {
                Chunk chunk = it.next();
                if (chunk.deliverAtNanoTime() - now <= 0) {
                    break;
                }
                pending += chunk.bytes().length;
            }
            return pending;
        } finally {
            lock.unlock();
        }
    }

    long heldBytes() {
        lock.lock();
        try {
            return heldBytes;
        } finally {
            lock.unlock();
        }
    }

    private List<Chunk> removeDue(int maxBytes) {
        List<Chunk> due = new ArrayList<>();
        long now = System.nanoTime();
        int bytes = 0;
        while (!chunks.isEmpty()) {
            Chunk next = chunks.peekFirst();
            boolean first = due.isEmpty();
            if (!first && (next.deliverAtNanoTime() - now > 0 || bytes + next.bytes().length > maxBytes)) {
                break;
            }
            chunks.removeFirst();
            due.add(next);
            bytes += next.bytes().length;
            heldBytes -= next.bytes().length;
            meter.held(-next.bytes().length);
            if (next.isEndOfStream()) {
                break;
            }
        }
        roomFreed.signal();
        return due;
    }

    private long jitterSampleNanos() {
        if (jitterNanos == 0) {
            return 0;
        }
        long sample = random.nextLong(-jitterNanos, jitterNanos + 1);
        // Jitter can shorten the delay but never make it negative.
        return Math.max(sample, -delayNanos);
    }
}
