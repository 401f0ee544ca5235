package org.adaptivestream.netlab;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.adaptivestream.trace.CapacityTrace;

/**
 * What a link looks like to the traffic crossing it: the downlink's capacity over time, the
 * one-way propagation delay (both directions), the bottleneck queue in front of the
 * downlink, delay jitter on the downlink, and optionally a capacity for the uplink (empty:
 * the uplink is only delayed, never rate limited). Immutable; see {@link NetworkProfiles} for
 * the named ones.
 *
 * <p>Jitter is the half-width of a uniform spread around the one-way delay, applied per chunk
 * without reordering the stream, as on a real path carrying one TCP connection.
 *
 * @param queueBytes room in the bottleneck queue, at least one {@link Chunk#MAX_BYTES chunk};
 *     also used for the uplink's queue when the uplink is rate limited
 */
public record NetworkProfile(
        String name,
        CapacityTrace capacity,
        Duration oneWayDelay,
        int queueBytes,
        Duration jitter,
        Optional<CapacityTrace> uplinkCapacity) {

    /** Longest delay or jitter accepted: beyond this a setting is a typo, not a network. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(10);
    public static final int MIN_QUEUE_BYTES = Chunk.MAX_BYTES;
    public static final int MAX_QUEUE_BYTES = 64 * 1024 * 1024;

    public NetworkProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(capacity, "capacity");
        Objects.requireNonNull(oneWayDelay, "oneWayDelay");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(uplinkCapacity, "uplinkCapacity");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a network profile needs a name");
        }
        requireDelay(name, "one-way delay", oneWayDelay);
        requireDelay(name, "jitter", jitter);
        if (queueBytes < MIN_QUEUE_BYTES || queueBytes > MAX_QUEUE_BYTES) {
            throw new IllegalArgumentException("profile " + name + ": queue of " + queueBytes
                    + " bytes is outside " + MIN_QUEUE_BYTES + ".." + MAX_QUEUE_BYTES);
        }
    }

    /** A profile whose uplink is delayed but not rate limited. */
    public NetworkProfile(String name, CapacityTrace capacity, Duration oneWayDelay, int queueBytes, Duration jitter) {
        this(name, capacity, oneWayDelay, queueBytes, jitter, Optional.empty());
    }

    public NetworkProfile withName(String newName) {
        return new NetworkProfile(newName, capacity, oneWayDelay, queueBytes, jitter, uplinkCapacity);
    }

    public NetworkProfile withCapacity(CapacityTrace newCapacity) {
        return new NetworkProfile(name, newCapacity, oneWayDelay, queueBytes, jitter, uplinkCapacity);
    }

    public NetworkProfile withOneWayDelay(Duration newDelay) {
        return new NetworkProfile(name, capacity, newDelay, queueBytes, jitter, uplinkCapacity);
    }

    public NetworkProfile withQueueBytes(int newQueueBytes) {
        return new NetworkProfile(name, capacity, oneWayDelay, newQueueBytes, jitter, uplinkCapacity);
    }

    public NetworkProfile withJitter(Duration newJitter) {
        return new NetworkProfile(name, capacity, oneWayDelay, queueBytes, newJitter, uplinkCapacity);
    }

    public NetworkProfile withUplinkCapacity(CapacityTrace newUplink) {
        return new NetworkProfile(name, capacity, oneWayDelay, queueBytes, jitter, Optional.of(newUplink));
    }

    /** One line for logs and the command line. */
    public String describe() {
        return String.format("%s: %s, delay %d ms%s, queue %d KiB%s",
                name, capacity, oneWayDelay.toMillis(),
                jitter.isZero() ? "" : " ± " + jitter.toMillis() + " ms jitter", queueBytes / 1024,
                uplinkCapacity.map(u -> ", uplink " + u).orElse(""));
    }

    private static void requireDelay(String name, String what, Duration value) {
        if (value.isNegative() || value.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("profile " + name + ": " + what + " of " + value.toMillis()
                    + " ms is outside 0.." + MAX_DELAY.toMillis() + " ms");
        }
    }
}
