package org.adaptivestream.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.adaptivestream.media.Rung;
import org.adaptivestream.metrics.Metric;
import org.adaptivestream.metrics.SessionMetrics;
import org.adaptivestream.metrics.TimeSeries;
import org.adaptivestream.netlab.EmulatedLink;
import org.adaptivestream.netlab.NetworkLab;
import org.adaptivestream.netlab.NetworkProfile;
import org.adaptivestream.netlab.TraceClock;
import org.adaptivestream.protocol.VideoInfo;
import org.adaptivestream.testkit.Eventually;
import org.adaptivestream.testkit.TestServer;
import org.adaptivestream.trace.CapacityTrace;
import org.adaptivestream.trace.CapacityTrace.Segment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A live stream through an outage, for real (TLS, network lab, decoding): the picture freezes,
 * and afterwards the latency comes back to the bounded playout delay instead of carrying the
 * outage for a minute.
 */
@Timeout(120)
class PlayoutLatencyBoundTest {

    private static final double OUTAGE_FROM = 3.0;
    private static final double OUTAGE_TO = 5.5;

    @Test
    void outage_freezesThenLatencyReturnsWithinTheBound() throws Exception {
        CapacityTrace trace = CapacityTrace.of("outage", List.of(new Segment(0, 8e6), new Segment(OUTAGE_FROM, 20e3),
                new Segment(OUTAGE_TO, 8e6)), 600);
        playAt240pThrough(trace, OUTAGE_TO + 4, client -> {
            SessionMetrics metrics = client.metrics();
            double end = client.sessionSeconds();
            TimeSeries.Points latency = metrics.series(Metric.SEND_TO_SHOWN).since(end - 2);
            assertThat(latency.size()).as("frames shown in the last 2 s").isGreaterThan(30);
            double worst = 0;
            for (int i = 0; i < latency.size(); i++) {
                worst = Math.max(worst, latency.values()[i]);
            }
            // 10 ms link delay + at most 150 ms playout delay + decoding and scheduling slack; the
            // 2.5 s outage absorbed in full would still be about 2 s here.
            assertThat(worst).as("send-to-shown ms after recovery").isLessThan(600);
            assertThat(metrics.summary().longestStallSeconds()).as("the outage froze the picture").isGreaterThan(1.0);
        });
    }

    @Test
    void aFreezeStillGoingWhenPlaybackStops_isCountedAsAStall() throws Exception {
        // The link never recovers: no later frame ends the freeze, so only stopping can.
        CapacityTrace trace = CapacityTrace.of("dies", List.of(new Segment(0, 8e6), new Segment(OUTAGE_FROM, 20e3)), 600);
        playAt240pThrough(trace, OUTAGE_FROM + 2.5, client -> {
            client.stop();
            assertThat(client.metrics().summary().stalls()).as("stalls").isEqualTo(1);
            assertThat(client.metrics().summary().longestStallSeconds()).as("the freeze until stop").isGreaterThan(1.5);
        });
    }

    private interface PlayedClient {
        void check(StreamingClient client) throws Exception;
    }

    /** Plays the first video locked at 240p through a link following {@code trace} for {@code seconds}, then checks. */
    private static void playAt240pThrough(CapacityTrace trace, double seconds, PlayedClient then) throws Exception {
        NetworkProfile profile = new NetworkProfile(trace.name(), trace, Duration.ofMillis(10), 100_000, Duration.ZERO);
        try (TestServer server = new TestServer();
             EmulatedLink link = NetworkLab.start(new InetSocketAddress("127.0.0.1", server.port()), profile,
                     TraceClock.startingNow());
             StreamingClient client = StreamingClient.connect(server.clientConfig().via(link.localAddress()),
                     ClientListener.NONE)) {
            VideoInfo video = client.catalog().get(0);
            client.adaptation().lock(Rung.R240P);
            client.play(video, Rung.R240P, true, frame -> { });
            double end = client.sessionSeconds() + seconds;
            assertThat(Eventually.within(Duration.ofSeconds(30), () -> client.sessionSeconds() >= end)).isTrue();
            then.check(client);
        }
    }
}
