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
 * What playout tells the policy it can still absorb, with real packets and decoding but arrival
 * times chosen by the test: all the room up to the bound on a clean link, and less by as much as
 * a stall moved the clock later.
 */
@Timeout(60)
class PlayoutAbsorbableTest {

    private static final long MIN_DELAY_MICROS = 10_000;
    private static final long MAX_DELAY_MICROS = 400_000;
    private static final long LATE_MICROS = 200_000;
    private static final int ON_TIME_FRAMES = 8;

    private final PreloadedVideo video = TestVideos.catalog().find("beta").orElseThrow();
    private final SessionMetrics metrics = new SessionMetrics();
    private final List<Long> absorbable = new CopyOnWriteArrayList<>();
    private final AtomicReference<Playout> playoutRef = new AtomicReference<>();
    private Playout playout;

    @AfterEach
    void close() {
        if (playout != null) {
            playout.close();
        }
    }

    @Test
    void aStallMovesTheClockLater_andLeavesThatMuchLessToAbsorb() {
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
