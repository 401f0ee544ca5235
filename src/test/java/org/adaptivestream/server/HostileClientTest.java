package org.adaptivestream.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.adaptivestream.media.Rung;
import org.adaptivestream.protocol.Bye;
import org.adaptivestream.protocol.ErrorCode;
import org.adaptivestream.protocol.ErrorMessage;
import org.adaptivestream.protocol.Hello;
import org.adaptivestream.protocol.Message;
import org.adaptivestream.protocol.MessageCodec;
import org.adaptivestream.protocol.Ping;
import org.adaptivestream.protocol.Play;
import org.adaptivestream.protocol.Pong;
import org.adaptivestream.testkit.Eventually;
import org.adaptivestream.testkit.RawSession;
import org.adaptivestream.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client that breaks the protocol after a good TLS handshake: truncated frames, unknown
 * types and versions, messages in the wrong state, resets and half-closes. Each gets its
 * answer (or none) and is closed; its session and threads go; the server keeps serving.
 */
@Timeout(120)
class HostileClientTest {

    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(5);
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(ServerConfig.defaults().withPort(0).withBindAddress(InetAddress.getLoopbackAddress()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void everySessionIsGone() {
        assertThat(Eventually.within(Duration.ofSeconds(5), () -> server.server.sessions().isEmpty()))
                .as("sessions left: %s", server.server.sessions()).isTrue();
        assertThat(Eventually.within(Duration.ofSeconds(3), () -> Eventually.threads("session-") == 0)).isTrue();
    }

    private static ErrorMessage errorFrom(RawSession s) throws Exception {
        Optional<Message> answer = s.in.read();
        assertThat(answer).get().isInstanceOf(ErrorMessage.class);
        return (ErrorMessage) answer.get();
    }

    private static String lastClosedReason() {
        return server.events.stream().filter(e -> e.startsWith("closed #") || e.startsWith("refused"))
                .reduce((a, b) -> b).orElse("");
    }

    @Test
    void truncatedHeaderThenEndOfStream_sessionClosedAsTruncated() throws Exception {
        try (RawSession s = RawSession.welcomed(server, "truncates header")) {
            s.writeRaw(new byte[] {0x05, 0x00, 0x00});
            s.socket.shutdownOutput();
            assertThat(RawSession.closedByPeer(s.socket, CLOSE_WITHIN)).isTrue();
        }
        assertThat(Eventually.within(CLOSE_WITHIN, () -> lastClosedReason().contains("header"))).as(lastClosedReason()).isTrue();
    }

    @Test
    void truncatedPayloadThenEndOfStream_sessionClosedAsTruncated() throws Exception {
        try (RawSession s = RawSession.welcomed(server, "truncates payload")) {
            byte[] ping = MessageCodec.encode(new Ping(1));
            s.writeRaw(Arrays.copyOf(ping, ping.length - 3));
            s.socket.shutdownOutput();
            assertThat(RawSession.closedByPeer(s.socket, CLOSE_WITHIN)).isTrue();
        }
        assertThat(Eventually.within(CLOSE_WITHIN, () -> lastClosedReason().contains("payload"))).as(lastClosedReason()).isTrue();
    }

    @Test
    void unknownMessageType_answeredProtocolViolationAndClosed() throws Exception {
        try (RawSession s = RawSession.welcomed(server, "unknown type")) {
            s.writeRaw(ByteBuffer.allocate(9).put((byte) 0x7E).put((byte) 0).putInt(3).put(new byte[] {1, 2, 3}).array());
            assertThat(errorFrom(s).code()).isEqualTo(ErrorCode.PROTOCOL_VIOLATION);
            assertThat(RawSession.closedByPeer(s.socket, CLOSE_WITHIN)).isTrue();
        }
    }

    @Test
    void unsupportedProtocolVersion_answeredUnsupportedVersionAndClosed() throws Exception {
        try (RawSession s = RawSession.connect(server)) {
            s.out.write(new Hello(7, 9, "from the future"));
            ErrorMessage e = errorFrom(s);
            assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION);
            assertThat(e.text()).contains("7..9");
            assertThat(RawSession.closedByPeer(s.socket, CLOSE_WITHIN)).isTrue();
        }
    }

    @Test
    void secondHello_isAProtocolViolation() throws Exception {
        try (RawSession s = RawSession.welcomed(server, "says hello twice")) {
            s.out.write(Hello.of("again"));
            ErrorMessage e = errorFrom(s);
            assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL_VIOLATION);
            assertThat(e.text()).contains("HELLO");
            assertThat(RawSession.closedByPeer(s.socket, CLOSE_WITHIN)).isTrue();
        }
    }

    @Test
    void anythingAfterBye_isNotAnswered() throws Exception {
        try (RawSession s = RawSession.welcomed(server, "talks after bye")) {
            s.out.write(new Ping(1));
            assertThat(s.in.read()).get().isInstanceOf(Pong.class);
            s.out.write(new Bye());
            try {
                s.out.write(new Ping(2));
                s.out.write(new Play("alpha", 0, Rung.R240P, true));
            } catch (java.io.IOException closedAlready) {
                // the server may have closed before these were written: just as good
            }
            s.socket.setSoTimeout(5_000);
            Optional<Message> after;
            try {
                after = s.in.read();
            } catch (java.io.IOException e) {
                after = Optional.empty(); // reset
            }
            assertThat(after).as("no answer after BYE").isEmpty();
        }
        assertThat(Eventually.within(CLOSE_WITHIN, () -> lastClosedReason().contains("bye"))).as(lastClosedReason()).isTrue();
    }

    @Test
    void resetInTheMiddleOfAFrame_freesTheSession() throws Exception {
        RawSession s = RawSession.welcomed(server, "resets mid-frame");
        s.out.write(new Play("beta", 0, Rung.R480P, true));
        s.in.read(); // codec config: it is streaming
        assertThat(Eventually.threads("session-")).isEqualTo(1); // its reader; the shared pacer sends video
        byte[] ping = MessageCodec.encode(new Ping(1));
        s.writeRaw(Arrays.copyOf(ping, 8));
        s.reset();
        // everySessionIsGone() checks the session and its reader thread go.
    }

    @Test
    void halfCloseFromTheClientWhilePlaying_endsTheSessionCleanly() throws Exception {
        try (RawSession s = RawSession.welcomed(server, "half-closes")) {
            s.out.write(new Play("gamma", 0, Rung.R240P, true));
            s.in.read();
            s.socket.shutdownOutput();
            // The server may still send what it had; it must then close its side too.
            assertThat(RawSession.closedByPeer(s.socket, CLOSE_WITHIN)).isTrue();
        }
        assertThat(Eventually.within(CLOSE_WITHIN, () -> lastClosedReason().contains("closed the connection")))
                .as(lastClosedReason()).isTrue();
    }
}
