package org.adaptivestream.netlab;

import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.adaptivestream.trace.CapacityTrace;

/**
 * One direction's bottleneck: a FIFO queue of bounded bytes, drained at the capacity the trace
 * gives at each instant, shared by every connection through the link as a real access link
 * is. Serialisation is a virtual clock, not a timer: each chunk leaves when the trace says its
 * last bit has crossed, counted from when the link is next free, so the rate is exact on
 * average however late threads wake. A full queue makes the caller wait, which stops it
 * reading its socket: overflow becomes TCP back-pressure on the sender. Thread-safe.
 */
final class Bottleneck {

    private final Optional<CapacityTrace> capacity;
    private final int queueBytes;
    private final TraceClock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition departures = lock.newCondition();
    /** Chunks admitted whose last bit has not left yet, oldest first. */
    private final ArrayDeque<Departure> inQueue = new ArrayDeque<>();
    private long queuedBytes;
    private long peakQueuedBytes;
    private double linkFreeAtSeconds;

    /** @param capacity empty for a link that delays but never limits the rate */
    Bottleneck(Optional<CapacityTrace> capacity, int queueBytes, TraceClock clock) {
        if (queueBytes < Chunk.MAX_BYTES) {
            throw new IllegalArgumentException("queue of " + queueBytes + " bytes cannot hold one chunk");
        }
        this.capacity = capacity;
        this.queueBytes = queueBytes;
        this.clock = clock;
    }

    /**
     * Waits until the queue has room for {@code bytes}, enqueues them, and returns the
     * {@link System#nanoTime()} at which their last bit leaves the bottleneck.
     */
    long enter(int bytes) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                long now = System.nanoTime();
                double departure = tryEnter(bytes, clock.secondsAt(now));
                if (departure >= 0) {
                    return clock.nanoTimeAt(departure);
                }
                // Only time frees room, so sleep until the oldest chunk has left.
                long untilRoom = clock.nanoTimeAt(inQueue.peekFirst().leavesAtSeconds()) - now;
                departures.awaitNanos(Math.max(untilRoom, TimeUnit.MICROSECONDS.toNanos(10)));
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Enqueues {@code bytes} at trace time {@code nowSeconds} if they fit, returning the trace
     * time their last bit leaves, or -1 if the queue is too full now. Times must not go back.
     */
    double tryEnter(int bytes, double nowSeconds) {
        lock.lock();
        try {
            drainUntil(nowSeconds);
            if (capacity.isEmpty()) {
                return nowSeconds;
            }
            if (queuedBytes + bytes > queueBytes) {
                return -1;
            }
            double start = Math.max(nowSeconds, linkFreeAtSeconds);
            linkFreeAtSeconds = capacity.get().finishTime(start, bytes * 8.0);
            inQueue.addLast(new Departure(linkFreeAtSeconds, bytes));
            queuedBytes += bytes;
            peakQueuedBytes = Math.max(peakQueuedBytes, queuedBytes);
            return linkFreeAtSeconds;
        } finally {
            lock.unlock();
        }
    }

    /** Bytes in the queue now, counting the chunk being serialised until its last bit leaves. */
    long queuedBytes() {
        lock.lock();
        try {
            drainUntil(clock.nowSeconds());
            return queuedBytes;
        } finally {
            lock.unlock();
        }
    }

    /** The most bytes ever in the queue at once; never more than the queue's size. */
    long peakQueuedBytes() {
        lock.lock();
        try {
            return peakQueuedBytes;
        } finally {
            lock.unlock();
        }
    }

    /** Capacity now, in bit/s; infinite for an unlimited link. */
    double capacityBitsPerSecond() {
        return capacity.map(c -> c.bitsPerSecondAt(clock.nowSeconds())).orElse(Double.POSITIVE_INFINITY);
    }

    int queueBytes() {
        return queueBytes;
    }

    private void drainUntil(double nowSeconds) {
        while (!inQueue.isEmpty() && inQueue.peekFirst().leavesAtSeconds() <= nowSeconds) {
            queuedBytes -= inQueue.removeFirst().bytes();
        }
    }

    private record Departure(double leavesAtSeconds, int bytes) {
    }
}
