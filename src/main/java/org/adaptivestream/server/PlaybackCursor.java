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
 * {@code anchorWall + (p − anchorPts)}. A rung switch waits for the next GOP, where every
 * rung has a keyframe at the same timestamp. Looping keeps the timeline going: the second
 * pass's timestamps continue after the first's, so the client's playout clock never jumps.
 */
final class PlaybackCursor {

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
            indexInGop = 0;
            gop++;
            if (gop >= video.gopCount()) {
                if (loop) {
                    gop = 0;
                    pass++;
                } else {
                    ended = true;
                }
            }
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
            indexInGop = 0;
            gop++;
            skipped++;
            if (gop >= video.gopCount()) {
                if (!loop) {
                    ended = true;
                    return skipped;
                }
                gop = 0;
                pass++;
            }
            next = peek();
        } while (next.dueWallMicros() < nowMicros);
        return skipped;
    }

    /** The rung for the next GOP; takes effect at its keyframe. Asking for the current rung cancels a pending switch. */
    void requestRung(Rung wanted) {
        pendingRung = wanted == rung ? null : wanted;
    }

    /** Jumps to the GOP that contains {@code positionMicros} (clamped to the video) and sends from there now. */
    void seek(long positionMicros, long nowMicros) {
        long clamped = Math.max(0, Math.min(positionMicros, video.durationMicros() - 1));
        gop = video.gopAt(clamped);
        indexInGop = 0;
        ended = false;
        configPending = true;
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
