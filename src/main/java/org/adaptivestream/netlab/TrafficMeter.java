package org.adaptivestream.netlab;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Live byte counts for one direction of a link, summed over its connections. Thread-safe. */
final class TrafficMeter {

    private final LongAdder deliveredBytes = new LongAdder();
    private final AtomicLong heldBytes = new AtomicLong();

    void delivered(long bytes) {
        deliveredBytes.add(bytes);
    }

    /** Adds (or, negative, removes) bytes read from the sender and not yet delivered. */
    void held(long bytes) {
        heldBytes.addAndGet(bytes);
    }

    long deliveredBytes() {
        return deliveredBytes.sum();
    }

    long heldBytes() {
        return heldBytes.get();
    }
}
