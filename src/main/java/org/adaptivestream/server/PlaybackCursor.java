package org.adaptivestream.server;

import java.util.List;
import org.adaptivestream.media.EncodedPacket;
import org.adaptivestream.media.PreloadedVideo;
import org.adaptivestream.media.Rung;

/**
 * Where one client's playback is and when its next packet is due: the schedule the server
 * paces to. Pure logic on a clock the caller passes in (microseconds), so it is tested without
 * threads or sockets. Not thread-safe: the session's sender owns it.
 *
 * <p>Packets are due in real time from their timestamps: packet pts p is due at
 * {@code anchorWall + (p − anchorPts)}. Looping keeps the timeline going: the second pass's
 * timestamps continue after the first's, so the client's playout clock never jumps.
 *
 * <p>A rung switch ({@link #requestRung}) happens at a keyframe, where every rung has one at
 * the same timestamp. Mid-GOP it happens at once by default: the cursor goes back to the
 * keyframe that starts the current GOP in the new rung, so that keyframe and the new rung's
 * frames up to the present go out at once, as a catch-up burst (they are already due), and the
 * new rung then continues in real time. The client decodes the catch-up without showing it (it
 * has shown those instants in the old rung) and shows the first new-rung frame that is due. The
 * switch waits for the next keyframe instead only when that keyframe is near and the catch-up
 * would cost more bytes than the old rung would still send before it (see {@link #requestRung}).
 */
final class PlaybackCursor {

    /**
     * A keyframe due within this long is near enough to wait for: together with the request's
     * way to the server and the new frames' way to the screen (tens of milliseconds, up to about
     * 100 through a slow link) the switch still shows within one 500 ms GOP.
     */
    static final long MAX_KEYFRAME_WAIT_MICROS = 350_000;

    /** How a switch request was carried out. */
    enum SwitchMode {
        /** The rung asked for is the current one (a pending switch, if any, is cancelled). */
        NONE,
        /** Nothing of the current GOP was sent yet: the new rung starts with it. */
        AT_KEYFRAME,
        /** The new rung restarts the current GOP from its keyframe; what is already due goes out at once. */
        CATCH_UP,
        /** The new rung starts at the next keyframe (near, and a catch-up would cost more bytes). */
        NEXT_KEYFRAME
    }

    private final PreloadedVideo video;
    private final boolean loop;
    private Rung rung;
    private Rung pendingRung;
    private int gop;
    private int indexInGop;
    private int pass;
    private long anchorWallMicros;
    private long anchorPtsMicros;
    private long pausedAtWallMicros = -1;
    private boolean configPending = true;
    private boolean ended;
    /** The client asked to leave the next GOP that starts unsent ({@link #dropNextGop}). */
    private boolean dropPending;

    PlaybackCursor(PreloadedVideo video, Rung rung, boolean loop, long startMicros, long nowMicros) {
        this.video = video;
        this.rung = rung;
        this.loop = loop;
        seek(startMicros, nowMicros);
    }

    /** The next packet to send, with its due time and whether a codec configuration must go first. */
    record Next(EncodedPacket packet, Rung rung, long timelinePtsMicros, long dueWallMicros, boolean configFirst) {
    }

    /** The packet that is due next, or null at the end of a non-looping video or while paused. */
    Next peek() {
        if (ended || isPaused()) {
            return null;
        }
        if (indexInGop == 0 && dropPending) {
            dropPending = false;
            if (!nextGop()) {
                return null;
            }
        }
        if (indexInGop == 0 && pendingRung != null) {
            rung = pendingRung;
            pendingRung = null;
            configPending = true;
        }
        EncodedPacket packet = gopPackets().get(indexInGop);
        long timelinePts = packet.ptsMicros() + (long) pass * video.durationMicros();
        return new Next(packet, rung, timelinePts, anchorWallMicros + (timelinePts - anchorPtsMicros), configPending);
    }

    /** Marks the packet from {@link #peek} as sent and moves on. */
    void advance() {
        configPending = false;
        indexInGop++;
        if (indexInGop >= gopPackets().size()) {
            nextGop();
        }
    }

    /** Moves to the start of the next GOP; false at the end of a video that does not loop. */
    private boolean nextGop() {
        indexInGop = 0;
        gop++;
        if (gop >= video.gopCount()) {
            if (!loop) {
                ended = true;
                return false;
            }
            gop = 0;
            pass++;
        }
        return true;
    }

    /**
     * Leaves the next GOP that starts unsent: the current one, if nothing of it has gone out yet,
     * else the one after it. Its time passes with nothing sent, so the link drains, and the GOP
     * after it goes out on schedule. Asked again before that GOP starts, it still drops one.
     */
    void dropNextGop() {
        if (!ended) {
            dropPending = true;
        }
    }

    /**
     * If the sender has fallen more than {@code maxLagMicros} behind, jumps to the GOP that is
     * due now and returns how many GOPs were skipped. A GOP boundary keeps the stream decodable.
     */
    int skipIfLate(long nowMicros, long maxLagMicros) {
        Next next = peek();
        if (next == null || nowMicros - next.dueWallMicros() <= maxLagMicros) {
            return 0;
        }
        int skipped = 0;
        do {
            skipped++;
            if (!nextGop()) {
                return skipped;
            }
            next = peek();
        } while (next != null && next.dueWallMicros() < nowMicros);
        return skipped;
    }

    /**
     * Switches to {@code wanted} as soon as a keyframe allows; asking for the current rung cancels
     * a pending switch.
     *
     * <p>Mid-GOP the switch is made at once with a catch-up ({@link SwitchMode#CATCH_UP}) unless
     * the next keyframe is due within {@link #MAX_KEYFRAME_WAIT_MICROS} and the catch-up is
     * bigger than what the old rung would still send until that keyframe; then it waits for the
     * keyframe ({@link SwitchMode#NEXT_KEYFRAME}).
     *
     * <p>Why limit the catch-up at all: it goes out in one burst, and on a link with little
     * headroom every byte of it queues ahead of the real-time frames behind it, while the client
     * plays only tens of milliseconds ahead, so a big burst can stall playback. A keyframe that
     * is near costs little to wait for, so then the cheaper of the two is chosen in bytes:
     * <ul>
     * <li>A down-switch (a congested link wants out now) nearly always goes at once: a lower
     * rung's keyframe and frames so far are smaller than the rest of a higher rung's GOP. Only
     * in a GOP's last few frames, with the keyframe a few frames away, can a lower rung's nearly
     * whole GOP outweigh them; then it waits those few frames rather than add to the queue.
     * <li>An up-switch is never urgent (the old rung still plays), and its burst is the big one:
     * the 1080p sample's keyframe alone is about 78 KiB and each further frame about 13 KiB,
     * while a 480p GOP is about 63 KiB in all. So it goes at once only while the next keyframe
     * is too far to wait for within a GOP; the burst is then the keyframe and at most
     * {@code GOP − MAX_KEYFRAME_WAIT_MICROS} (150 ms) of frames, and otherwise it waits.
     * </ul>
     * While paused a switch waits too: the client restarts its clock on the first keyframe after
     * resuming, and a catch-up keyframe would start it in the past.
     */
    SwitchMode requestRung(Rung wanted, long nowMicros) {
        if (wanted == rung) {
            pendingRung = null;
            return SwitchMode.NONE;
        }
        if (!ended && indexInGop == 0) {
            rung = wanted;
            pendingRung = null;
            configPending = true;
            return SwitchMode.AT_KEYFRAME;
        }
        if (ended || isPaused() || !catchUpWorthIt(wanted, nowMicros)) {
            pendingRung = wanted;
            return SwitchMode.NEXT_KEYFRAME;
        }
        rung = wanted;
        pendingRung = null;
        configPending = true;
        indexInGop = 0;
        return SwitchMode.CATCH_UP;
    }

    private boolean catchUpWorthIt(Rung wanted, long nowMicros) {
        long nextKeyframePts = (gop + 1 < video.gopCount() ? video.gopStartMicros(gop + 1) : video.durationMicros())
                + (long) pass * video.durationMicros();
        long nextKeyframeDue = anchorWallMicros + (nextKeyframePts - anchorPtsMicros);
        if (nextKeyframeDue - nowMicros > MAX_KEYFRAME_WAIT_MICROS) {
            return true;
        }
        List<EncodedPacket> current = gopPackets();
        long nextPts = current.get(indexInGop).ptsMicros();
        long rest = 0;
        for (int i = indexInGop; i < current.size(); i++) {
            rest += current.get(i).size();
        }
        return catchUpBytes(wanted, nextPts) <= rest;
    }

    /** Bytes of {@code wanted}'s current GOP before {@code untilPts}: what a switch to it now sends at once. */
    private long catchUpBytes(Rung wanted, long untilPts) {
        long bytes = 0;
        for (EncodedPacket packet : video.rendition(wanted).gop(gop)) {
            if (packet.ptsMicros() >= untilPts) {
                break;
            }
            bytes += packet.size();
        }
        return bytes;
    }

    /** Jumps to the GOP that contains {@code positionMicros} (clamped to the video) and sends from there now. */
    void seek(long positionMicros, long nowMicros) {
        long clamped = Math.max(0, Math.min(positionMicros, video.durationMicros() - 1));
        gop = video.gopAt(clamped);
        indexInGop = 0;
        ended = false;
        configPending = true;
        dropPending = false;
        if (pendingRung != null) {
            rung = pendingRung;
            pendingRung = null;
        }
        anchorPtsMicros = video.gopStartMicros(gop) + (long) pass * video.durationMicros();
        anchorWallMicros = nowMicros;
        if (pausedAtWallMicros >= 0) {
            pausedAtWallMicros = nowMicros;
        }
    }

    void pause(long nowMicros) {
        if (!isPaused()) {
            pausedAtWallMicros = nowMicros;
        }
    }

    /** Resumes where it paused: the schedule shifts by the pause's length. */
    void resume(long nowMicros) {
        if (isPaused()) {
            anchorWallMicros += nowMicros - pausedAtWallMicros;
            pausedAtWallMicros = -1;
        }
    }

    boolean isPaused() {
        return pausedAtWallMicros >= 0;
    }

    boolean ended() {
        return ended;
    }

    Rung rung() {
        return rung;
    }

    PreloadedVideo video() {
        return video;
    }

    /** Packets and bytes due but not yet sent at {@code nowMicros}: the session's send backlog. */
    Backlog backlog(long nowMicros) {
        if (ended || isPaused()) {
            return new Backlog(0, 0);
        }
        int packets = 0;
        long bytes = 0;
        int g = gop;
        int i = indexInGop;
        int p = pass;
        Rung r = indexInGop == 0 && pendingRung != null ? pendingRung : rung;
        // Bounded by the lag limit in practice; the cap guards against a stopped clock.
        while (packets < 10_000) {
            List<EncodedPacket> packetsOfGop = video.rendition(r).gop(g);
            EncodedPacket packet = packetsOfGop.get(i);
            long due = anchorWallMicros + (packet.ptsMicros() + (long) p * video.durationMicros() - anchorPtsMicros);
            if (due > nowMicros) {
                break;
            }
            packets++;
            bytes += packet.size();
            if (++i >= packetsOfGop.size()) {
                i = 0;
                if (++g >= video.gopCount()) {
                    if (!loop) {
                        break;
                    }
                    g = 0;
                    p++;
                }
            }
        }
        return new Backlog(packets, bytes);
    }

    record Backlog(int packets, long bytes) {
    }

    private List<EncodedPacket> gopPackets() {
        return video.rendition(rung).gop(gop);
    }
}
