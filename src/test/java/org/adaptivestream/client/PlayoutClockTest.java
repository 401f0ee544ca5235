package org.adaptivestream.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.adaptivestream.media.EncodedPacket;
import org.adaptivestream.media.PreloadedVideo;
import org.adaptivestream.media.Rung;
import org.adaptivestream.metrics.SessionMetrics;
import org.adaptivestream.testkit.Eventually;
import org.adaptivestream.testkit.TestVideos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The playout clock with real packets and real FFmpeg decoding but arrival times chosen by the
 * test, so the clock's expected course is exact. First the playout side of a mid-GOP switch:
 * the old rung plays a few frames, then the new rung's catch-up (its keyframe and frames up to
 * the present, all arriving at once, late for their timestamps) and the new rung's live frames;
 * every packet's transit is the same, and nothing ever arrives after its instant. Then a stall:
 * the clock moves later by it, and what playout tells the policy it can still absorb falls by
 * as much.
 */
@Timeout(120)
class PlayoutClockTest {

    private static final int FRAMES_BEFORE_SWITCH = 5;
    private static final long MIN_DELAY_MICROS = 10_000;
    private static final long MAX_DELAY_MICROS = 400_000;
    private static final long LATE_MICROS = 200_000;
    private static final int ON_TIME_FRAMES = 8;

    private final PreloadedVideo video = TestVideos.catalog().find("beta").orElseThrow();
    private final SessionMetrics metrics = new SessionMetrics();
    private final List<long[]> shown = new CopyOnWriteArrayList<>();
    private final List<String> switches = new CopyOnWriteArrayList<>();
    private final AtomicReference<Playout> playoutRef = new AtomicReference<>();
    private Playout playout;

    @AfterEach
    void close() {
        if (playout != null) {
            playout.close();
        }
    }

    @Test
    void catchUp_isDecodedButNeverShown_theNewRungShowsFromTheNextFrame_andTheClockStays() {
        List<EncodedPacket> old = video.rendition(Rung.R240P).gop(0);
        List<EncodedPacket> next = video.rendition(Rung.R720P).gop(0);
        playout = new Playout(metrics,
                frame -> shown.add(new long[] {frame.ptsMicros(), frame.width(), playoutRef.get().offsetMicros()}),
                (from, to, now) -> switches.add(from + " → " + to), (now, sent) -> { }, (end, length) -> { },
                MIN_DELAY_MICROS, MAX_DELAY_MICROS);
        playoutRef.set(playout);
        playout.setFrameRate(30);

        // Timestamps map to our clock with one fixed transit: a packet "arrives" at t0 + pts.
        long t0 = StreamingClient.micros() + 50_000;
        playout.configure(video.rendition(Rung.R240P).codecConfig(), Rung.R240P);
        for (int i = 0; i < FRAMES_BEFORE_SWITCH; i++) {
            playout.enqueue(old.get(i), Rung.R240P, t0 + old.get(i).ptsMicros(), t0 + old.get(i).ptsMicros());
        }
        // The switch reached the server just after it sent the last of those: the catch-up (the new
        // rung from its keyframe up to that instant) arrives at once, then the new rung goes on live.
        long catchUpArrival = t0 + old.get(FRAMES_BEFORE_SWITCH - 1).ptsMicros() + 5_000;
        playout.configure(video.rendition(Rung.R720P).codecConfig(), Rung.R720P);
        for (int i = 0; i < FRAMES_BEFORE_SWITCH; i++) {
            playout.enqueue(next.get(i), Rung.R720P, catchUpArrival, catchUpArrival);
        }
        for (int i = FRAMES_BEFORE_SWITCH; i < next.size(); i++) {
            playout.enqueue(next.get(i), Rung.R720P, t0 + next.get(i).ptsMicros(), t0 + next.get(i).ptsMicros());
        }

        int played = next.size(); // one per instant: the catch-up repeats instants already played
        assertThat(Eventually.within(Duration.ofSeconds(20), () -> metrics.framesDecoded() >= played)).isTrue();
        assertThat(Eventually.within(Duration.ofSeconds(2), () -> playout.bufferMicros() == 0
                && shown.size() + metrics.framesDropped() >= played)).isTrue();

        assertThat(metrics.decodeErrors()).isZero();
        assertThat(metrics.framesDecoded()).as("repeats are neither shown nor dropped frames").isEqualTo(played);
        for (int i = 1; i < shown.size(); i++) {
            assertThat(shown.get(i)[0]).as("shown timestamps only go forward").isGreaterThan(shown.get(i - 1)[0]);
        }
        long lastOldPts = old.get(FRAMES_BEFORE_SWITCH - 1).ptsMicros();
        assertThat(shown).as("no catch-up frame is shown")
                .noneMatch(f -> f[1] == Rung.R720P.width() && f[0] <= lastOldPts);
        assertThat(shown).as("the old rung is shown only up to the switch")
                .noneMatch(f -> f[1] == Rung.R240P.width() && f[0] > lastOldPts);
        long[] firstNew = shown.stream().filter(f -> f[1] == Rung.R720P.width()).findFirst().orElseThrow();
        if (metrics.framesDropped() == 0) {
            assertThat(firstNew[0]).as("the new rung shows from the frame after the switch, mid-GOP")
                    .isEqualTo(next.get(FRAMES_BEFORE_SWITCH).ptsMicros());
        }
        assertThat(switches).containsExactly("240p → 720p");

        // The clock: equal transits and no late packet, so it only ever steers, one step per frame at most.
        long step = 33_333 * Playout.CATCH_UP_RATE_PERCENT / 100 + 1;
        for (int i = 1; i < shown.size(); i++) {
            long frames = Math.round((shown.get(i)[0] - shown.get(i - 1)[0]) / 33_333.0);
            assertThat(Math.abs(shown.get(i)[2] - shown.get(i - 1)[2]))
                    .as("clock change from pts %d to %d", shown.get(i - 1)[0], shown.get(i)[0])
                    .isLessThanOrEqualTo(frames * step);
        }
        assertThat(playout.targetDelayMicros()).as("the catch-up's late arrivals are not taken as jitter")
                .isEqualTo(MIN_DELAY_MICROS);
    }

    @Test
    void aStallMovesTheClockLater_andLeavesThatMuchLessToAbsorb() {
        List<Long> absorbable = new CopyOnWriteArrayList<>();
        List<EncodedPacket> gop = video.rendition(Rung.R240P).gop(0);
        playout = new Playout(metrics, frame -> absorbable.add(playoutRef.get().absorbableMicros()),
                (from, to, now) -> { }, (now, sent) -> { }, (end, length) -> { }, MIN_DELAY_MICROS, MAX_DELAY_MICROS);
        playoutRef.set(playout);
        playout.setFrameRate(30);
        playout.configure(video.rendition(Rung.R240P).codecConfig(), Rung.R240P);

        // Every packet's transit is t0 until the link stalls for 200 ms; after that, t0 + 200 ms.
        long t0 = StreamingClient.micros() + 50_000;
        for (int i = 0; i < ON_TIME_FRAMES; i++) {
            playout.enqueue(gop.get(i), Rung.R240P, t0 + gop.get(i).ptsMicros(), t0 + gop.get(i).ptsMicros());
        }
        // A slow first decode may drop a frame or two: they count as played out.
        assertThat(Eventually.within(Duration.ofSeconds(10),
                () -> absorbable.size() + metrics.framesDropped() >= ON_TIME_FRAMES)).isTrue();
        long onTime = absorbable.get(absorbable.size() - 1);
        for (int i = ON_TIME_FRAMES; i < gop.size(); i++) {
            long arrival = t0 + gop.get(i).ptsMicros() + LATE_MICROS;
            playout.enqueue(gop.get(i), Rung.R240P, arrival, arrival);
        }
        assertThat(Eventually.within(Duration.ofSeconds(10),
                () -> absorbable.size() + metrics.framesDropped() >= gop.size())).isTrue();

        // On time, the clock sits at the smallest delay: nearly the whole bound is left.
        assertThat(onTime).isBetween(MAX_DELAY_MICROS - 40_000, MAX_DELAY_MICROS - MIN_DELAY_MICROS);
        // The stall moved it 200 ms later, within the bound: that much less is left.
        long last = absorbable.get(absorbable.size() - 1);
        assertThat(last).isBetween(MAX_DELAY_MICROS - LATE_MICROS - 20_000, MAX_DELAY_MICROS - LATE_MICROS + 10_000);
        assertThat(absorbable).allMatch(a -> a >= 0 && a <= MAX_DELAY_MICROS);
    }
}
