package org.adaptivestream.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.adaptivestream.media.Rung;
import org.adaptivestream.protocol.DropGop;
import org.adaptivestream.protocol.ErrorCode;
import org.adaptivestream.protocol.ErrorMessage;
import org.adaptivestream.protocol.Message;
import org.adaptivestream.protocol.Ping;
import org.adaptivestream.protocol.Play;
import org.adaptivestream.protocol.Received;
import org.adaptivestream.protocol.VideoPacket;
import org.adaptivestream.testkit.Eventually;
import org.adaptivestream.testkit.RawSession;
import org.adaptivestream.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server keeps little video in flight to a client that acknowledges it (protocol version 3):
 * once a packet has gone unacknowledged for {@link SessionSender#MAX_UNACKNOWLEDGED_MICROS} it
 * sends nothing more, falls behind its schedule, and skips ahead when acknowledgements resume.
 */
@Timeout(60)
class FlowControlTest {

    private static final long SECOND = 1_000_000;
    private static final long PING_PERIOD_NANOS = 250_000_000;
    private static TestServer server;

    /** Short timeouts: a held-back session outlives the write-stall one; a silent one meets the idle one. */
    private static final Duration IDLE = Duration.ofSeconds(3);
    private static final Duration WRITE_STALL = Duration.ofSeconds(2);

    @BeforeAll
    static void start() {
        server = new TestServer(ServerConfig.defaults().withPort(0).withBindAddress(InetAddress.getLoopbackAddress())
                .withTimeouts(Duration.ofSeconds(5), IDLE, WRITE_STALL));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Held for 4 s, longer than the write-stall timeout: a client that still pings keeps its session. */
    @Test
    void unacknowledgedVideo_stopsAfterAboutASecond_andAnAcknowledgementResumesItSkippedAhead() throws Exception {
        try (RawSession s = RawSession.welcomed(server, "acknowledges late")) {
            s.out.write(new Play("beta", 0, Rung.R240P, true));
            List<VideoPacket> held = packetsFor(s, Duration.ofSeconds(4), false);

            assertThat(held).isNotEmpty();
            VideoPacket last = held.get(held.size() - 1);
            long sendSpan = last.serverSendMicros() - held.get(0).serverSendMicros();
            assertThat(sendSpan).as("µs between the first and last packet sent unacknowledged")
                    .isBetween(SECOND / 2, SECOND + SECOND / 4);

            s.out.write(new Received(last.sequenceNumber()));
            VideoPacket next = packetsFor(s, Duration.ofSeconds(3), false).get(0);
            assertThat(next.keyframe()).as("resumes at a GOP's start").isTrue();
            assertThat(next.ptsMicros() - last.ptsMicros()).as("µs of video skipped").isGreaterThan(2 * SECOND);
            assertThat(session("acknowledges late").gopsSkipped()).isPositive();
        }
    }

    /**
     * Held after a second unacknowledged, then acknowledged 0.8 s later: the video it would send
     * next is 0.8 s behind its schedule, past a client's playout bound (150 ms by default), so
     * the client would not show it. The server skips to the next GOP instead of sending it.
     */
    @Test
    void aSenderBehindByMoreThanTheLagLimit_skipsWhatTheClientWouldNotShow() throws Exception {
        assertThat(server.server.config().maxLag()).isEqualTo(ServerConfig.DEFAULT_MAX_LAG);
        try (RawSession s = RawSession.welcomed(server, "a second and more unacknowledged")) {
            s.out.write(new Play("beta", 0, Rung.R240P, true));
            List<VideoPacket> held = packetsFor(s, Duration.ofMillis(1800), false);
            VideoPacket last = held.get(held.size() - 1);

            s.out.write(new Received(last.sequenceNumber()));
            VideoPacket next = packetsFor(s, Duration.ofSeconds(2), false).get(0);
            assertThat(next.keyframe()).as("resumes at a GOP's start").isTrue();
            assertThat(next.ptsMicros() - last.ptsMicros()).as("µs of video skipped").isGreaterThan(SECOND / 2);
            assertThat(session("a second and more unacknowledged").gopsSkipped()).isPositive();
        }
    }

    @Test
    void clientThatStopsReadingAndFallsSilent_isClosedAtTheIdleTimeout() throws Exception {
        long start = System.nanoTime();
        try (RawSession s = RawSession.welcomed(server, "falls silent")) {
            s.out.write(new Play("beta", 0, Rung.R1080P, true));
            assertThat(Eventually.within(Duration.ofSeconds(10), () -> server.events.stream()
                    .anyMatch(e -> e.startsWith("closed") && e.contains("idle for"))))
                    .as(String.join("\n", server.events)).isTrue();
        }
        assertThat((System.nanoTime() - start) / 1e9).as("seconds to close").isGreaterThan(IDLE.toSeconds() - 0.5);
    }

    @Test
    void acknowledgedVideo_flowsOnSchedule() throws Exception {
        try (RawSession s = RawSession.welcomed(server, "acknowledges")) {
            s.out.write(new Play("beta", 0, Rung.R240P, true));
            List<VideoPacket> got = packetsFor(s, Duration.ofSeconds(3), true);
            VideoPacket last = got.get(got.size() - 1);
            assertThat(last.serverSendMicros() - got.get(0).serverSendMicros()).isGreaterThan(2 * SECOND + SECOND / 2);
            assertThat(last.sequenceNumber() - got.get(0).sequenceNumber()).isEqualTo(got.size() - 1);
            assertThat(session("acknowledges").gopsSkipped()).isZero();
        }
    }

    @Test
    void versionTwoClient_isNotHeldBack() throws Exception {
        try (RawSession s = RawSession.welcomed(server, "version 2", 2)) {
            s.out.write(new Play("beta", 0, Rung.R240P, true));
            List<VideoPacket> got = packetsFor(s, Duration.ofSeconds(3), false);
            assertThat(got.get(got.size() - 1).serverSendMicros() - got.get(0).serverSendMicros())
                    .isGreaterThan(2 * SECOND + SECOND / 2);
        }
    }

    @Test
    void received_inVersionTwoSession_isAProtocolViolation() throws Exception {
        try (RawSession s = RawSession.welcomed(server, "version 2 acknowledging", 2)) {
            s.out.write(new Received(0));
            Message answer = s.in.read().orElseThrow();
            assertThat(answer).isInstanceOf(ErrorMessage.class);
            assertThat(((ErrorMessage) answer).code()).isEqualTo(ErrorCode.PROTOCOL_VIOLATION);
            assertThat(((ErrorMessage) answer).text()).contains("RECEIVED").contains("version 3");
            assertThat(RawSession.closedByPeer(s.socket, Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void dropGop_leavesTheNextGopUnsent_andTheStreamGoesOnAtTheOneAfter() throws Exception {
        try (RawSession s = RawSession.welcomed(server, "drops a GOP")) {
            s.out.write(new Play("beta", 0, Rung.R240P, true));
            List<VideoPacket> before = packetsFor(s, Duration.ofMillis(600), true);
            long askedAtPts = before.get(before.size() - 1).ptsMicros();
            s.out.write(new DropGop());
            List<VideoPacket> after = packetsFor(s, Duration.ofMillis(2500), true);

            List<Long> keyframes = new ArrayList<>();
            for (VideoPacket p : before) {
                if (p.keyframe()) {
                    keyframes.add(p.ptsMicros());
                }
            }
            for (VideoPacket p : after) {
                if (p.keyframe()) {
                    keyframes.add(p.ptsMicros());
                }
            }
            long gop = keyframes.get(1) - keyframes.get(0);
            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i < keyframes.size(); i++) {
                gaps.add(keyframes.get(i) - keyframes.get(i - 1));
            }
            assertThat(gaps).as("keyframe gaps, µs, around a drop asked at %d µs", askedAtPts)
                    .containsOnlyOnce(2 * gop).containsOnly(gop, 2 * gop);
            assertThat(server.events).anyMatch(e -> e.contains("drops the next GOP"));
        }
    }

    @Test
    void dropGop_inVersionThreeSession_isAProtocolViolation() throws Exception {
        try (RawSession s = RawSession.welcomed(server, "version 3 dropping", 3)) {
            s.out.write(new DropGop());
            Message answer = s.in.read().orElseThrow();
            assertThat(((ErrorMessage) answer).code()).isEqualTo(ErrorCode.PROTOCOL_VIOLATION);
            assertThat(((ErrorMessage) answer).text()).contains("DROP_GOP").contains("version 4");
            assertThat(RawSession.closedByPeer(s.socket, Duration.ofSeconds(5))).isTrue();
        }
    }

    /** The video packets that arrive within {@code duration}, each acknowledged as read if asked. */
    private static List<VideoPacket> packetsFor(RawSession s, Duration duration, boolean acknowledge) throws Exception {
        BlockingQueue<VideoPacket> inbox = INBOXES.computeIfAbsent(s, FlowControlTest::startReading);
        List<VideoPacket> packets = new ArrayList<>();
        long deadline = System.nanoTime() + duration.toNanos();
        long left;
        long nextPing = 0;
        while ((left = deadline - System.nanoTime()) > 0) {
            if (System.nanoTime() >= nextPing) {
                s.out.write(new Ping(System.nanoTime() / 1000)); // alive, as a real client is
                nextPing = System.nanoTime() + PING_PERIOD_NANOS;
            }
            VideoPacket packet = inbox.poll(Math.min(left, PING_PERIOD_NANOS), TimeUnit.NANOSECONDS);
            if (packet != null) {
                packets.add(packet);
                if (acknowledge) {
                    s.out.write(new Received(packet.sequenceNumber()));
                }
            }
        }
        return packets;
    }

    private static final Map<RawSession, BlockingQueue<VideoPacket>> INBOXES = new ConcurrentHashMap<>();

    /** Reads the session's messages on a thread of its own (a read timeout could cut a frame in two). */
    private static BlockingQueue<VideoPacket> startReading(RawSession s) {
        BlockingQueue<VideoPacket> inbox = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try {
                s.socket.setSoTimeout(0);
                Optional<Message> message;
                while ((message = s.in.read()).isPresent()) {
                    if (message.get() instanceof VideoPacket packet) {
                        inbox.add(packet);
                    }
                }
            } catch (IOException closed) {
                // the test closed the session
            } finally {
                INBOXES.remove(s);
            }
        }, "flow-control-test-reader");
        reader.setDaemon(true);
        reader.start();
        return inbox;
    }

    private static SessionInfo session(String clientName) {
        return server.server.sessions().stream().filter(i -> i.clientName().equals(clientName)).findFirst().orElseThrow();
    }
}
