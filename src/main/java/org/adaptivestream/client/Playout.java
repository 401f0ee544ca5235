package org.adaptivestream.client;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.adaptivestream.media.BgraPicture;
import org.adaptivestream.media.CodecConfig;
import org.adaptivestream.media.DecodeException;
import org.adaptivestream.media.DecodedFrame;
import org.adaptivestream.media.EncodedPacket;
import org.adaptivestream.media.FfmpegVideoDecoder;
import org.adaptivestream.media.FrameConsumer;
import org.adaptivestream.media.Rung;
import org.adaptivestream.media.VideoDecoder;
import org.adaptivestream.metrics.SessionMetrics;
import org.adaptivestream.metrics.StallDetector;

/**
 * The playout buffer and its clock. Compressed packets wait here until their time; the
 * playout thread then decodes and shows them. The clock maps a packet's timestamp to a local
 * instant, {@code pts + offset}, anchored when the first keyframe after a start or seek arrives
 * and then steered towards where the jitter-adaptive {@link PlayoutDelay} says it should be:
 * a few milliseconds after the earliest arrivals on a clean link, more as arrivals spread.
 *
 * <p>A packet that arrives after its instant means playback waited for it — a stall — and the
 * clock shifts to absorb it, so later frames are not all late too, but never beyond the
 * most delay allowed ({@link PlayoutDelay#latestOffsetMicros}): this is a live stream, and a
 * viewer who sat through a stall should not then watch seconds behind for a minute. A packet
 * still late after that is decoded but not shown, so the picture stays frozen until packets
 * come in time again (the server skips ahead when a client falls too far behind). When the offset is more than
 * one step away from the desired one (after a stall, say, or once the link turned out cleaner
 * or rougher than assumed) playout runs {@value #CATCH_UP_RATE_PERCENT}% fast or slow until it
 * is there. A packet that arrived in time but comes up late (slow decoding) is decoded, since
 * later frames depend on it, but not shown: a dropped frame.
 *
 * <p>A packet whose timestamp is not after the newest one already played out (shown, or passed
 * as a dropped frame) is a repeat: a rung switch's catch-up, where the server resends the new
 * rung from the current GOP's keyframe up to the present. Repeats are decoded, so the new rung's
 * next frames can be, but not shown, not counted as decoded or dropped frames, and they neither
 * move the clock nor count as arrivals for the playout delay; the first new-rung frame shown is
 * the first one after what was on screen.
 *
 * <p>Threads: the client's reader calls {@link #configure} and {@link #enqueue}; the control
 * thread reads levels; the playout thread decodes and calls the sink. Decoding runs outside
 * the lock.
 */
final class Playout {

    static final int CATCH_UP_RATE_PERCENT = 5;
    /** The send time of a packet that came before the server's clock was known. */
    static final long UNTIMED = Long.MIN_VALUE;
    /** More than this many queued packets (about a minute at 30 fps) means the clock is wrong: start over. */
    static final int MAX_QUEUED_PACKETS = 2_000;
    private static final long IDLE_WAIT_MICROS = 50_000;

    /** Hears of every frame shown: when, and when the server sent it (our clock). */
    interface FrameShown {
        void shown(long nowMicros, long sentMicros);
    }

    /** Hears of each stall as it ends. */
    interface StallEnded {
        void stalled(long endMicros, long stallMicros);
    }

    /** Reports the first frame shown from a rung other than the previous one. */
    interface SwitchShown {
        void shown(Rung from, Rung to, long nowMicros);
    }

    private sealed interface Item permits Config, Packet {
    }

    private record Config(CodecConfig config, Rung rung) implements Item {
    }

    private record Packet(EncodedPacket packet, Rung rung, long arrivalMicros, long sentMicros) implements Item {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<Item> queue = new ArrayDeque<>();
    private final SessionMetrics metrics;
    private final FrameSink sink;
    private final SwitchShown switchShown;
    private final FrameShown shown;
    private final StallEnded stallEnded;
    private final PlayoutDelay delay;
    private final Thread thread;
    private final VideoDecoder decoder = new FfmpegVideoDecoder();
    private StallDetector stalls;
    private volatile boolean running = true;
    private boolean paused;
    private boolean anchored;
    private long offsetMicros;
    private long newestQueuedPts = Long.MIN_VALUE;
    private long newestPlayedPts = Long.MIN_VALUE;
    private volatile long shownPts = -1;
    private volatile Rung shownRung;
    private volatile long bufferMicros;
    private volatile long absorbableMicros;
    private volatile long targetDelayMicros;
    private long frameMicros = 33_333;

    Playout(SessionMetrics metrics, FrameSink sink, SwitchShown switchShown, FrameShown shown, StallEnded stallEnded,
            long minDelayMicros, long maxDelayMicros) {
        this.metrics = metrics;
        this.stallEnded = stallEnded;
        this.shown = shown;
        this.sink = sink;
        this.switchShown = switchShown;
        this.delay = new PlayoutDelay(minDelayMicros, maxDelayMicros);
        this.targetDelayMicros = delay.targetMicros();
        this.stalls = new StallDetector(frameMicros);
        this.thread = new Thread(this::run, "client-playout");
        thread.setDaemon(true);
        thread.start();
    }

    void setFrameRate(double framesPerSecond) {
        lock.lock();
        try {
            frameMicros = Math.round(1e6 / framesPerSecond);
            stalls = new StallDetector(frameMicros);
        } finally {
            lock.unlock();
        }
    }

    void configure(CodecConfig config, Rung rung) {
        add(new Config(config, rung));
    }

    /** @param sentMicros the server's send time on our clock, for the send-to-shown latency; {@link #UNTIMED} if unknown */
    void enqueue(EncodedPacket packet, Rung rung, long arrivalMicros, long sentMicros) {
        add(new Packet(packet, rung, arrivalMicros, sentMicros));
    }

    private void add(Item item) {
        lock.lock();
        try {
            if (queue.size() >= MAX_QUEUED_PACKETS) {
                dropQueued();
                anchored = false;
            }
            queue.addLast(item);
            if (item instanceof Packet p) {
                // A switch's catch-up repeats instants already queued; its lateness says nothing of the link.
                if (p.packet.ptsMicros() > newestQueuedPts) {
                    delay.arrived(p.arrivalMicros, p.packet.ptsMicros());
                    targetDelayMicros = delay.targetMicros();
                }
                newestQueuedPts = Math.max(newestQueuedPts, p.packet.ptsMicros());
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Forgets everything queued and re-anchors on the next keyframe: for play, seek, reconnect. */
    void discontinuity() {
        lock.lock();
        try {
            endStall(StreamingClient.micros());
            dropQueued();
            anchored = false;
            newestQueuedPts = Long.MIN_VALUE;
            newestPlayedPts = Long.MIN_VALUE;
            delay.reset();
            stalls.restart();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * A freeze still going when playback stops, jumps or closes is a stall too: it is logged
     * now, or a stream that froze for good (frames all later than the latency bound) would
     * end with no stall counted. Lock held.
     */
    private void endStall(long nowMicros) {
        if (!paused && stalls.isStalled(nowMicros)) {
            long stall = stalls.frameShown(nowMicros);
            metrics.stalls(stalls);
            stallEnded.stalled(nowMicros, stall);
        }
    }

    private void dropQueued() {
        // Keep the latest configuration: packets after a discontinuity still need it.
        Config latest = null;
        for (Item item : queue) {
            if (item instanceof Config c) {
                latest = c;
            }
        }
        queue.clear();
        if (latest != null) {
            queue.add(latest);
        }
    }

    void pause() {
        lock.lock();
        try {
            paused = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Resumes; the clock re-anchors, since the server shifted its schedule by the pause too. */
    void resume() {
        lock.lock();
        try {
            paused = false;
            anchored = false;
            delay.reset();
            stalls.restart();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The playout delay aimed for now (jitter-adaptive), in microseconds. */
    long targetDelayMicros() {
        return targetDelayMicros;
    }

    /** The playout clock: a frame with timestamp pts is due at {@code pts + offset} (our clock, µs). For tests. */
    long offsetMicros() {
        lock.lock();
        try {
            return offsetMicros;
        } finally {
            lock.unlock();
        }
    }

    /** Media buffered ahead of what is shown, in microseconds. */
    long bufferMicros() {
        return bufferMicros;
    }

    /**
     * How much more lateness playout can absorb by moving its clock later, within the bound on
     * delay, less what the frame being waited for has already used of it; in microseconds.
     */
    long absorbableMicros() {
        return absorbableMicros;
    }

    /** Timestamp of the frame on screen, or -1 before the first. */
    long shownPts() {
        return shownPts;
    }

    Rung shownRung() {
        return shownRung;
    }

    boolean isStalled(long nowMicros) {
        lock.lock();
        try {
            return !paused && stalls.isStalled(nowMicros);
        } finally {
            lock.unlock();
        }
    }

    void close() {
        running = false;
        lock.lock();
        try {
            endStall(StreamingClient.micros());
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive()) {
            decoder.close();
        }
    }

    private void run() {
        while (running) {
            Item item;
            boolean repeat;
            boolean show;
            lock.lock();
            try {
                item = nextDue();
                if (item == null) {
                    continue;
                }
                repeat = item instanceof Packet p && repeatsPlayed(p);
                show = !repeat && item instanceof Packet p && decideShow(p);
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            handle(item, show, repeat);
        }
    }

    /** Waits for the head item's time and takes it; null after a wait, to re-check. Lock held. */
    private Item nextDue() throws InterruptedException {
        long now = StreamingClient.micros();
        Item head = queue.peekFirst();
        updateBuffer(now);
        if (paused || head == null) {
            changed.await(IDLE_WAIT_MICROS, TimeUnit.MICROSECONDS);
            return null;
        }
        if (head instanceof Config) {
            return queue.pollFirst();
        }
        Packet packet = (Packet) head;
        if (!anchored) {
            if (!packet.packet.keyframe()) {
                queue.pollFirst(); // cannot start decoding here
                return null;
            }
            offsetMicros = delay.desiredOffsetMicros(packet.arrivalMicros + delay.targetMicros() - packet.packet.ptsMicros());
            anchored = true;
        }
        long due = packet.packet.ptsMicros() + offsetMicros;
        if (due > now) {
            changed.await(due - now, TimeUnit.MICROSECONDS);
            return null;
        }
        return queue.pollFirst();
    }

    /** Whether a due packet repeats an instant already played out (see the class comment); if not, records it. Lock held. */
    private boolean repeatsPlayed(Packet packet) {
        long pts = packet.packet.ptsMicros();
        if (pts <= newestPlayedPts) {
            return true;
        }
        newestPlayedPts = pts;
        return false;
    }

    /** Whether a due packet is shown (true) or only decoded (false). Lock held. */
    private boolean decideShow(Packet packet) {
        long now = StreamingClient.micros();
        long due = packet.packet.ptsMicros() + offsetMicros;
        if (packet.arrivalMicros > due) {
            // Playback waited for this packet: absorb the wait so it plays now, within the bound.
            long latest = delay.latestOffsetMicros(offsetMicros);
            offsetMicros = Math.max(offsetMicros, Math.min(latest, packet.arrivalMicros - packet.packet.ptsMicros()));
            return packet.arrivalMicros <= packet.packet.ptsMicros() + offsetMicros;
        }
        if (now - due > frameMicros) {
            return false;
        }
        long desired = delay.desiredOffsetMicros(offsetMicros);
        long step = frameMicros * CATCH_UP_RATE_PERCENT / 100;
        if (offsetMicros > desired + step) {
            offsetMicros -= step;
        } else if (offsetMicros < desired - step) {
            offsetMicros += step;
        }
        return true;
    }

    private void updateBuffer(long now) {
        long playing = anchored ? now - offsetMicros : Long.MIN_VALUE;
        bufferMicros = newestQueuedPts == Long.MIN_VALUE || playing == Long.MIN_VALUE
                ? 0 : Math.max(0, newestQueuedPts - playing);
        long waited = newestPlayedPts == Long.MIN_VALUE || playing == Long.MIN_VALUE
                ? 0 : Math.max(0, playing - (newestPlayedPts + frameMicros));
        absorbableMicros = anchored ? Math.max(0, delay.latestOffsetMicros(offsetMicros) - offsetMicros - waited) : 0;
    }

    private void handle(Item item, boolean show, boolean repeat) {
        if (item instanceof Config c) {
            try {
                decoder.configure(c.config);
            } catch (DecodeException e) {
                metrics.decodeError();
            }
            return;
        }
        Packet packet = (Packet) item;
        try {
            if (!show) {
                int frames = decoder.skip(packet.packet);
                for (int i = 0; i < frames && !repeat; i++) {
                    metrics.frameDecoded();
                    metrics.frameDropped();
                }
                return;
            }
            decoder.decode(packet.packet, new FrameConsumer() {
                @Override
                public void accept(DecodedFrame frame) {
                    present(frame, packet);
                }

                // The sink's pictures, when it lends them: the conversion writes straight into them.
                @Override
                public boolean lendsPictures() {
                    return sink.lendsPictures();
                }

                @Override
                public BgraPicture lend(int width, int height) {
                    return sink.lend(width, height);
                }
            });
        } catch (DecodeException e) {
            metrics.decodeError();
        }
    }

    private void present(DecodedFrame frame, Packet packet) {
        metrics.frameDecoded();
        long now = StreamingClient.micros();
        sink.show(frame);
        shown.shown(now, packet.sentMicros);
        shownPts = frame.ptsMicros();
        Rung previous = shownRung;
        shownRung = packet.rung;
        if (previous != null && previous != packet.rung) {
            switchShown.shown(previous, packet.rung, now);
        }
        lock.lock();
        try {
            long stall = stalls.frameShown(now);
            metrics.stalls(stalls);
            if (stall > 0) {
                stallEnded.stalled(now, stall);
            }
        } finally {
            lock.unlock();
        }
    }
}
