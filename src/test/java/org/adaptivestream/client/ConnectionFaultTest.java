package org.adaptivestream.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.adaptivestream.media.Rung;
import org.adaptivestream.testkit.Eventually;
import org.adaptivestream.testkit.FaultyRelay;
import org.adaptivestream.testkit.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The connection breaks under a playing client, on the server's side: a reset in the middle
 * of a frame, a half-close, a server that refuses for a while. The client notices, retries
 * with growing delays, and resumes near where it was; the server frees the broken sessions.
 */
@Timeout(120)
class ConnectionFaultTest {

    private TestServer server;
    private FaultyRelay relay;
    private StreamingClient client;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<Long> failedAttemptsAt = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
        relay = new FaultyRelay(server.server.address());
        client = StreamingClient.connect(server.clientConfig().via(relay.address()).withReconnect(true),
                new ClientListener() {
                    @Override
                    public void stateChanged(ClientState state, String detail) {
                        log.add(state + ": " + detail);
                    }

                    @Override
                    public void error(String message) {
                        log.add("error: " + message);
                        if (message.startsWith("reconnect attempt")) {
                            failedAttemptsAt.add(System.nanoTime());
                        }
                    }
                });
        client.play(client.catalog().stream().filter(v -> v.id().equals("beta")).findFirst().orElseThrow(),
                Rung.R240P, true, FrameSink.DISCARD);
        assertThat(Eventually.within(Duration.ofSeconds(10), () -> client.metrics().framesDecoded() > 20)).isTrue();
    }

    @AfterEach
    void stop() {
        client.close();
        relay.close();
        server.close();
    }

    private void assertResumesNear(long positionBeforeMicros) {
        long frames = client.metrics().framesDecoded();
        assertThat(Eventually.within(Duration.ofSeconds(15), () -> client.state() == ClientState.PLAYING
                && client.metrics().framesDecoded() > frames + 15)).as(String.join("\n", log)).isTrue();
        assertThat(log).anyMatch(l -> l.startsWith("RECONNECTING")).anyMatch(l -> l.contains("resumed at"));
        // "beta" is 3 s long and loops: resumed within a second of where it was, not from the start.
        long resumedAt = Long.parseLong(log.stream().filter(l -> l.contains("resumed at")).reduce((a, b) -> b)
                .orElseThrow().replaceAll(".*resumed at (\\d+) ms.*", "$1")) * 1000;
        assertThat(Math.abs(resumedAt - positionBeforeMicros)).as("resumed at %d µs, was at %d µs", resumedAt,
                positionBeforeMicros).isLessThan(1_000_000);
        assertThat(Eventually.within(Duration.ofSeconds(12), () -> server.server.sessions().size() == 1))
                .as("the broken session is freed: %s", server.server.sessions()).isTrue();
    }

    @Test
    void serverSideResetInTheMiddleOfAFrame_clientReconnectsAndResumes() {
        long position = client.positionMicros();
        relay.resetMidFrame();
        assertResumesNear(position);
    }

    @Test
    void serverSideHalfClose_clientTreatsItAsLostReconnectsAndResumes() throws Exception {
        long position = client.positionMicros();
        relay.halfCloseTowardsClients();
        assertResumesNear(position);
    }

    @Test
    void serverRefusesForAWhile_clientBacksOffWithGrowingDelaysThenResumes() {
        long position = client.positionMicros();
        relay.refuseFor(1_600);
        relay.resetMidFrame();
        assertResumesNear(position);
        assertThat(failedAttemptsAt).as(String.join("\n", log)).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 1; i < failedAttemptsAt.size(); i++) {
            long gapMillis = (failedAttemptsAt.get(i) - failedAttemptsAt.get(i - 1)) / 1_000_000;
            // Backoff doubles from 250 ms: the wait before attempt i+1 is at least 250 * 2^i ms.
            assertThat(gapMillis).as("gap before attempt %d", i + 1).isGreaterThanOrEqualTo(250L << i);
        }
    }
}
