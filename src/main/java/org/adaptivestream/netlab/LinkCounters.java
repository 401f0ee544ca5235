package org.adaptivestream.netlab;

/**
 * A snapshot of an emulated link's live state, for charts and tests. Byte counts are totals
 * since the link started, summed over its connections.
 *
 * @param traceSeconds where the capacity trace is at the moment of the snapshot
 * @param capacityBitsPerSecond the downlink's capacity at that moment
 * @param openConnections connections relayed now
 * @param acceptedConnections connections accepted since the link started
 */
public record LinkCounters(
        double traceSeconds,
        double capacityBitsPerSecond,
        Direction downlink,
        Direction uplink,
        int openConnections,
        long acceptedConnections) {

    /**
     * One direction's counts.
     *
     * @param deliveredBytes bytes handed to the receiving socket
     * @param queuedBytes bytes in the bottleneck queue now, including the chunk being serialised
     * @param peakQueuedBytes the most ever queued at once; never above the profile's queue size
     * @param heldBytes bytes read from the sender and not yet delivered: those queued plus
     *     those propagating through the one-way delay, plus any already due that the relay has
     *     not written yet
     * @param pendingBytes bytes held and not yet due at the receiver: queued or propagating, what
     *     the link holds by its own rules. {@code heldBytes − pendingBytes} is due but not yet
     *     written: the relay's writer is behind (a busy machine) or the receiver is not reading
     */
    public record Direction(long deliveredBytes, long queuedBytes, long peakQueuedBytes, long heldBytes,
                            long pendingBytes) {
    }
}
