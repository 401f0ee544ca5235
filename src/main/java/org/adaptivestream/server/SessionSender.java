package org.adaptivestream.server;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;
import org.adaptivestream.media.CodecConfig;
import org.adaptivestream.media.Rung;
import org.adaptivestream.protocol.EndOfStream;
import org.adaptivestream.protocol.ServerReport;
import org.adaptivestream.protocol.VideoCodec;
import org.adaptivestream.protocol.VideoPacket;

/**
 * Paces one session's video: when the {@link Pacer} runs it, it writes every packet that is due,
 * applies the client's requests (switch, pause, resume, seek) that came in between, and says
 * when its next packet is due. Requests arrive on the session's reader thread; the cursor is
 * only touched under the lock. Writes happen outside the lock, so a slow socket never blocks the
 * reader's requests. A client that acknowledges video gets no more once a packet has gone
 * unacknowledged for {@link #MAX_UNACKNOWLEDGED_MICROS}.
 */
final class SessionSender implements Pacer.Task {

    /** Stats for the dashboard; NONE before anything plays. */
    record Stats(String video, Rung rung, long bitsPerSecond, long packetsSent, long bytesSent,
                 long gopsSkipped, int queuedPackets) {
        static final Stats NONE = new Stats("", null, 0, 0, 0, 0, 0);
    }

    private final ClientSession session;
    private final PlaybackCursor cursor;
    private final ServerConfig config;
    private final Pacer pacer;
    private final Pacer.Handle handle;
    /**
     * How long a packet may go unacknowledged before nothing more is sent. Video written past
     * this point would only queue, in this machine's socket buffer (autotuned up to megabytes)
     * or at the bottleneck, and arrive seconds stale after a dead spell, with the schedule none
     * the wiser: the sender would never fall behind it, so never skip ahead. Holding back instead
     * keeps at most about this much video in flight and lets the schedule's lag show, so after
     * {@link ServerConfig#maxLag} the sender skips to the GOP that is due. One second is far above
     * the round trip of any link the client plays well on.
     */
    static final long MAX_UNACKNOWLEDGED_MICROS = 1_000_000;

    private record InFlight(long sequence, long sentMicros) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean running = true;
    private volatile long packetsSent;
    private volatile long bytesSent;
    private volatile long gopsSkipped;
    /**
     * The send queue as of the last report (about once a second while sending): counted after
     * the skip-ahead, so it is the queue that will really be sent. Counting it between reports,
     * while a write to a slow client blocks, would also count what is about to be skipped.
     */
    private volatile int queuedPackets;
    private boolean endSent;
    /** Whether the client acknowledges packets; only then is {@link #unacknowledged} kept. */
    private final boolean flowControlled;
    /** Packets written and not yet acknowledged, oldest first. Guarded by the lock. */
    private final ArrayDeque<InFlight> unacknowledged = new ArrayDeque<>();
    /** Held back for an acknowledgement; the next one pokes the pacer. Guarded by the lock. */
    private boolean held;
    private long nextReportMicros = ClientSession.micros();

    SessionSender(ClientSession session, PlaybackCursor cursor, ServerConfig config, Pacer pacer) {
        this.session = session;
        this.cursor = cursor;
        this.config = config;
        this.pacer = pacer;
        this.flowControlled = session.acknowledgesVideo();
        this.handle = pacer.register(this);
    }

    void start() {
        pacer.poke(handle);
    }

    @Override
    public long step() {
        try {
            while (running) {
                skipIfLate();
                PlaybackCursor.Next next;
                long sequence = -1;
                lock.lock();
                try {
                    long now = ClientSession.micros();
                    next = cursor.peek();
                    if (next == null) {
                        if (cursor.ended() && !endSent) {
                            endSent = true;
                        } else {
                            return Pacer.PARK; // paused, or at the end: a request pokes us
                        }
                    } else if (next.dueWallMicros() > now + Pacer.EARLY_MICROS) {
                        return next.dueWallMicros();
                    } else if (flowControlled && !unacknowledged.isEmpty()
                            && now - unacknowledged.peekFirst().sentMicros() > MAX_UNACKNOWLEDGED_MICROS) {
                        held = true;
                        return Pacer.PARK;
                    } else {
                        cursor.advance();
                        sequence = session.nextSequence.getAndIncrement();
                        if (flowControlled) {
                            unacknowledged.addLast(new InFlight(sequence, now));
                        }
                    }
                } finally {
                    lock.unlock();
                }
                if (next == null) {
                    session.send(new EndOfStream());
                    session.event("reached the end");
                    continue;
                }
                send(next, sequence);
                long now = ClientSession.micros();
                if (now >= nextReportMicros) {
                    report(now);
                    nextReportMicros = now + config.reportInterval().toNanos() / 1000;
                }
            }
        } catch (IOException e) {
            session.close(running ? "connection lost while sending: " + e.getMessage() : "closed");
        }
        return Pacer.PARK;
    }

    /** Counted apart from sending: the GOP skipped to is usually not due yet, so this step sends nothing. */
    private void skipIfLate() {
        int skipped;
        lock.lock();
        try {
            skipped = cursor.skipIfLate(ClientSession.micros(), config.maxLag().toNanos() / 1000);
        } finally {
            lock.unlock();
        }
        if (skipped > 0) {
            gopsSkipped += skipped;
            session.event("fell " + config.maxLag().toMillis() + " ms behind: skipped " + skipped + " GOP(s)");
        }
    }

    private void send(PlaybackCursor.Next next, long sequence) throws IOException {
        if (next.configFirst()) {
            CodecConfig config = cursor.video().rendition(next.rung()).codecConfig();
            session.send(new org.adaptivestream.protocol.CodecConfig(next.rung(), VideoCodec.H264,
                    config.width(), config.height(), config.extradata()));
        }
        byte[] data = next.packet().sharedBytes();
        session.send(new VideoPacket(next.rung(), next.timelinePtsMicros(), next.timelinePtsMicros()
                - next.packet().ptsMicros() + next.packet().dtsMicros(), next.packet().keyframe(),
                ClientSession.micros(), sequence, data));
        packetsSent++;
        bytesSent += data.length;
        session.bytesSentTotal.addAndGet(data.length);
    }

    private void report(long now) throws IOException {
        PlaybackCursor.Backlog backlog;
        Rung rung;
        lock.lock();
        try {
            backlog = cursor.backlog(now);
            rung = cursor.rung();
        } finally {
            lock.unlock();
        }
        queuedPackets = backlog.packets();
        session.send(new ServerReport(now, rung, backlog.packets(), backlog.bytes(), bytesSent, packetsSent, gopsSkipped));
    }

    /** The client has read every packet up to {@code sequence}. */
    void acknowledged(long sequence) {
        boolean release;
        lock.lock();
        try {
            while (!unacknowledged.isEmpty() && unacknowledged.peekFirst().sequence() <= sequence) {
                unacknowledged.pollFirst();
            }
            release = held;
            held = false;
        } finally {
            lock.unlock();
        }
        if (release) {
            pacer.poke(handle);
        }
    }

    void requestRung(Rung rung) {
        Rung before;
        PlaybackCursor.SwitchMode mode;
        lock.lock();
        try {
            before = cursor.rung();
            mode = cursor.requestRung(rung, ClientSession.micros());
        } finally {
            lock.unlock();
        }
        pacer.poke(handle);
        switch (mode) {
            case AT_KEYFRAME -> session.event("switches " + before + " → " + rung + " at this keyframe");
            case CATCH_UP -> session.event("switches " + before + " → " + rung + " now, from this GOP's keyframe");
            case NEXT_KEYFRAME -> session.event("switches " + before + " → " + rung + " at the next keyframe");
            case NONE -> {
                // already on that rung
            }
        }
    }

    /** The client asked to leave the next GOP unsent (see {@link PlaybackCursor#dropNextGop}). */
    void dropNextGop() {
        update(cursor::dropNextGop);
        session.event("drops the next GOP, as the client asked");
    }

    void pause() {
        update(() -> cursor.pause(ClientSession.micros()));
        queuedPackets = 0; // nothing is due while paused; no report comes to say so
        session.event("paused");
    }

    void resume() {
        update(() -> cursor.resume(ClientSession.micros()));
        session.event("resumed");
    }

    void seek(long positionMicros) {
        update(() -> {
            cursor.seek(positionMicros, ClientSession.micros());
            endSent = false;
        });
        session.event("seeks to " + positionMicros / 1000 + " ms");
    }

    private void update(Runnable change) {
        lock.lock();
        try {
            change.run();
        } finally {
            lock.unlock();
        }
        pacer.poke(handle);
    }

    void stop() {
        running = false;
        pacer.cancel(handle);
    }

    void awaitTermination(long deadlineNanos) {
        pacer.awaitIdle(handle, deadlineNanos);
    }

    Stats stats() {
        Rung rung = cursor.rung();
        return new Stats(cursor.video().id().value(), rung,
                cursor.video().manifest().rendition(rung).averageBitsPerSecond(),
                packetsSent, bytesSent, gopsSkipped, queuedPackets);
    }
}
