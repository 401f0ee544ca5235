package org.adaptivestream.server;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.adaptivestream.media.CodecConfig;
import org.adaptivestream.media.Rung;
import org.adaptivestream.protocol.EndOfStream;
import org.adaptivestream.protocol.ServerReport;
import org.adaptivestream.protocol.VideoCodec;
import org.adaptivestream.protocol.VideoPacket;

/**
 * Paces one session's video: sleeps until each packet is due, writes it, and between packets
 * applies the client's requests (switch, pause, resume, seek). Requests arrive on the
 * session's reader thread; the cursor is only touched under the lock. Writes happen outside
 * the lock, so a slow socket never blocks the reader's requests.
 */
final class SessionSender {

    /** Stats for the dashboard; NONE before anything plays. */
    record Stats(String video, Rung rung, long bitsPerSecond, long packetsSent, long bytesSent,
                 long gopsSkipped, int queuedPackets) {
        static final Stats NONE = new Stats("", null, 0, 0, 0, 0, 0);
    }

    private final ClientSession session;
    private final PlaybackCursor cursor;
    private final ServerConfig config;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long packetsSent;
    private volatile long bytesSent;
    private volatile long gopsSkipped;
    private volatile int queuedPackets;
    private boolean endSent;

    SessionSender(ClientSession session, PlaybackCursor cursor, ServerConfig config) {
        this.session = session;
        this.cursor = cursor;
        this.config = config;
        this.thread = StreamingServer.daemon(this::run, "session-" + session.id() + "-sender");
    }

    void start() {
        thread.start();
    }

    private void run() {
        long nextReportMicros = ClientSession.micros();
        try {
            while (running) {
                PlaybackCursor.Next next;
                int skipped;
                lock.lock();
                try {
                    long now = ClientSession.micros();
                    skipped = cursor.skipIfLate(now, config.maxLag().toNanos() / 1000);
                    next = cursor.peek();
                    if (next == null) {
                        if (cursor.ended() && !endSent) {
                            endSent = true;
                        } else {
                            changed.await(250, TimeUnit.MILLISECONDS);
                            continue;
                        }
                    } else if (next.dueWallMicros() > now) {
                        changed.awaitNanos((next.dueWallMicros() - now) * 1000);
                        continue;
                    } else {
                        cursor.advance();
                    }
                } finally {
                    lock.unlock();
                }
                if (skipped > 0) {
                    gopsSkipped += skipped;
                    session.event("fell " + config.maxLag().toMillis() + " ms behind: skipped " + skipped + " GOP(s)");
                }
                if (next == null) {
                    session.send(new EndOfStream());
                    session.event("reached the end");
                    continue;
                }
                send(next);
                long now = ClientSession.micros();
                if (now >= nextReportMicros) {
                    report(now);
                    nextReportMicros = now + config.reportInterval().toNanos() / 1000;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            session.close(running ? "connection lost while sending: " + e.getMessage() : "closed");
        }
    }

    private void send(PlaybackCursor.Next next) throws IOException {
        if (next.configFirst()) {
            CodecConfig config = cursor.video().rendition(next.rung()).codecConfig();
            session.send(new org.adaptivestream.protocol.CodecConfig(next.rung(), VideoCodec.H264,
                    config.width(), config.height(), config.extradata()));
        }
        byte[] data = next.packet().sharedBytes();
        session.send(new VideoPacket(next.rung(), next.timelinePtsMicros(), next.timelinePtsMicros()
                - next.packet().ptsMicros() + next.packet().dtsMicros(), next.packet().keyframe(),
                ClientSession.micros(), session.nextSequence.getAndIncrement(), data));
        packetsSent++;
        bytesSent += data.length;
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

    void requestRung(Rung rung) {
        Rung before;
        lock.lock();
        try {
            before = cursor.rung();
            cursor.requestRung(rung);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (rung != before) {
            session.event("switches " + before + " → " + rung + " at the next keyframe");
        }
    }

    void pause() {
        update(() -> cursor.pause(ClientSession.micros()));
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
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void stop() {
        running = false;
        update(() -> {
        });
    }

    void awaitTermination(long deadlineNanos) {
        StreamingServer.join(thread, deadlineNanos);
    }

    Stats stats() {
        Rung rung = cursor.rung();
        return new Stats(cursor.video().id().value(), rung,
                cursor.video().manifest().rendition(rung).averageBitsPerSecond(),
                packetsSent, bytesSent, gopsSkipped, queuedPackets);
    }
}
