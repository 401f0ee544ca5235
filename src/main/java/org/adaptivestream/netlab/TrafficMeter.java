package org.adaptivestream.netlab;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Live byte counts for one direction of a link, summed over its connections. Thread-safe. */
final class TrafficMeter {

    private final LongAdder deliveredBytes = new LongAdder();
    private final AtomicLong propagatingBytes = new AtomicLong();

    void delivered(long bytes) {
        deliveredBytes.add(bytes);
    }

    /** Adds (or, negative, removes) bytes between the bottleneck and the receiver. */
    void propagating(long bytes) {
        propagatingBytes.addAndGet(bytes);
    }

    long deliveredBytes() {
        return deliveredBytes.sum();
    }

    long propagatingBytes() {
        return propagatingBytes.get();
    }
}
