package org.adaptivestream.protocol;

import java.io.IOException;

/**
 * When a client acknowledges video ({@link Received}, version 3): at once for a packet read at
 * least {@link #INTERVAL_MICROS} after the last acknowledgement, otherwise on the next periodic
 * {@link #owed} call (the client's ping, every 250 ms): about four acknowledgements a second.
 * Each is a read on the server, and ten a second cost a tenth more server CPU per stream
 * (`bench server`, 500 clients, docs/BENCHMARKS.md); the server holds back
 * only after a packet has gone unacknowledged for a whole second, so a quarter of a second of
 * delay costs it little. The first packet after a quiet spell, which the server may be waiting
 * on, is acknowledged at once. One instance per connection: sequence numbers start again with
 * a session.
 */
public final class Acknowledgements {

    public static final long INTERVAL_MICROS = 250_000;

    private long highestRead = -1;
    private long highestAcknowledged = -1;
    /** Long.MIN_VALUE until the first acknowledgement. */
    private long lastSentMicros = Long.MIN_VALUE;

    /** Packet {@code sequence} was read at {@code nowMicros}; returns what to send now, or null. */
    public synchronized Received onPacket(long sequence, long nowMicros) {
        highestRead = Math.max(highestRead, sequence);
        boolean due = lastSentMicros == Long.MIN_VALUE || nowMicros - lastSentMicros >= INTERVAL_MICROS;
        return due ? take(nowMicros) : null;
    }

    /** The acknowledgement still owed, if any packet was read since the last; call periodically. */
    public synchronized Received owed(long nowMicros) {
        return highestRead > highestAcknowledged ? take(nowMicros) : null;
    }

    /** {@link #onPacket(long, long)}, writing the acknowledgement to {@code out} if one is due. */
    public void onPacket(long sequence, long nowMicros, MessageWriter out) throws IOException {
        writeIfAny(onPacket(sequence, nowMicros), out);
    }

    /** {@link #owed(long)}, writing it to {@code out}. */
    public void sendOwed(long nowMicros, MessageWriter out) throws IOException {
        writeIfAny(owed(nowMicros), out);
    }

    private static void writeIfAny(Received ack, MessageWriter out) throws IOException {
        if (ack != null) {
            out.write(ack);
        }
    }

    private Received take(long nowMicros) {
        highestAcknowledged = highestRead;
        lastSentMicros = nowMicros;
        return new Received(highestRead);
    }
}
