package org.adaptivestream.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.adaptivestream.client.ClientListener;
import org.adaptivestream.client.StreamingClient;
import org.adaptivestream.netlab.EmulatedLink;
import org.adaptivestream.netlab.NetworkLab;
import org.adaptivestream.netlab.NetworkProfile;
import org.adaptivestream.protocol.ClientReport;
import org.adaptivestream.protocol.ErrorCode;
import org.adaptivestream.protocol.ErrorMessage;
import org.adaptivestream.protocol.Hello;
import org.adaptivestream.protocol.Message;
import org.adaptivestream.protocol.Ping;
import org.adaptivestream.protocol.Pong;
import org.adaptivestream.protocol.Welcome;
import org.adaptivestream.testkit.Eventually;
import org.adaptivestream.testkit.RawSession;
import org.adaptivestream.testkit.TestServer;
import org.adaptivestream.trace.CapacityTrace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client's RTT reaches the server (protocol version 2): the session's snapshot carries
 * what the client reported, a version-1 session may not send the report, and a real client
 * behind a slow link reports an RTT the server could not have measured itself.
 */
@Timeout(60)
class ClientReportTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Optional<SessionInfo> session(String clientName) {
        return server.server.sessions().stream().filter(s -> s.clientName().equals(clientName)).findFirst();
    }

    @Test
    void clientReport_inVersionTwoSession_isTheSessionsRtt() throws Exception {
        try (RawSession s = RawSession.welcomed(server, "reports 42.5 ms")) {
            assertThat(Eventually.within(Duration.ofSeconds(5), () -> session("reports 42.5 ms").isPresent())).isTrue();
            assertThat(session("reports 42.5 ms").orElseThrow().clientRttMicros()).isEqualTo(SessionInfo.NO_RTT);
            assertThat(session("reports 42.5 ms").orElseThrow().hasClientRtt()).isFalse();

            s.out.write(new ClientReport(42_500));
            s.out.write(new Ping(1));
            assertThat(s.in.read()).get().isInstanceOf(Pong.class); // the report before it was handled
            assertThat(session("reports 42.5 ms").orElseThrow().clientRttMicros()).isEqualTo(42_500);

            s.out.write(new ClientReport(7_000));
            s.out.write(new Ping(2));
            assertThat(s.in.read()).get().isInstanceOf(Pong.class);
            assertThat(session("reports 42.5 ms").orElseThrow().clientRttMicros()).isEqualTo(7_000);
        }
    }

    @Test
    void clientReport_inVersionOneSession_isAProtocolViolation() throws Exception {
        try (RawSession s = RawSession.connect(server)) {
            s.out.write(new Hello(1, 1, "speaks version 1"));
            Message welcome = s.in.read().orElseThrow();
            assertThat(welcome).isInstanceOf(Welcome.class);
            assertThat(((Welcome) welcome).version()).isEqualTo(1);
            s.out.write(new ClientReport(1_000));
            Message answer = s.in.read().orElseThrow();
            assertThat(answer).isInstanceOf(ErrorMessage.class);
            assertThat(((ErrorMessage) answer).code()).isEqualTo(ErrorCode.PROTOCOL_VIOLATION);
            assertThat(((ErrorMessage) answer).text()).contains("CLIENT_REPORT").contains("version 2");
            assertThat(RawSession.closedByPeer(s.socket, Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void realClient_behindA60msLink_reportsItsSmoothedRttToTheServer() throws Exception {
        // 30 ms each way: the server's own socket sees none of it, only the client can measure it.
        NetworkProfile slow = new NetworkProfile("30 ms each way", CapacityTrace.constant("50 Mbit/s", 50e6),
                Duration.ofMillis(30), 256 * 1024, Duration.ZERO);
        try (EmulatedLink link = NetworkLab.start(new InetSocketAddress("127.0.0.1", server.port()), slow);
             StreamingClient client = StreamingClient.connect(server.clientConfig().via(link.localAddress())
                     .withClientName("behind a slow link"), ClientListener.NONE)) {
            assertThat(Eventually.within(Duration.ofSeconds(15),
                    () -> session("behind a slow link").map(SessionInfo::hasClientRtt).orElse(false)))
                    .as("an RTT reported within 15 s").isTrue();
            long reported = session("behind a slow link").orElseThrow().clientRttMicros();
            assertThat(reported).as("reported RTT, µs").isBetween(55_000L, 400_000L);
            double clientSide = client.smoothedRttSeconds().orElseThrow() * 1e6;
            assertThat((double) reported).as("the client's own estimate").isCloseTo(clientSide,
                    org.assertj.core.data.Offset.offset(0.5 * clientSide));
        }
        assertThat(Eventually.within(Duration.ofSeconds(5), () -> session("behind a slow link").isEmpty())).isTrue();
    }
}
