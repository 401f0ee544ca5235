package org.adaptivestream.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSocket;
import org.adaptivestream.protocol.ClientReport;
import org.adaptivestream.protocol.Hello;
import org.adaptivestream.protocol.Message;
import org.adaptivestream.protocol.MessageReader;
import org.adaptivestream.protocol.MessageType;
import org.adaptivestream.protocol.MessageWriter;
import org.adaptivestream.protocol.Ping;
import org.adaptivestream.protocol.Pong;
import org.adaptivestream.protocol.Welcome;
import org.adaptivestream.security.ServerVerifier;
import org.adaptivestream.security.TlsHandshake;
import org.adaptivestream.security.TlsListener;
import org.adaptivestream.testkit.Eventually;
import org.adaptivestream.testkit.TestVideos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client sends its RTT report only where the protocol has it: to a server that chose
 * version 2, never to one that chose version 1 (which would answer with a protocol violation).
 */
@Timeout(60)
class ClientReportVersionTest {

    /** Welcomes with a fixed version, answers pings, and records what the client sends. */
    private static final class StandInServer implements AutoCloseable {
        final List<Message> received = new CopyOnWriteArrayList<>();
        final TlsListener listener;
        final Thread thread;

        StandInServer(int version) throws IOException {
            listener = TlsListener.open(TestVideos.identity(), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            thread = new Thread(() -> serve(version), "stand-in-server");
            thread.setDaemon(true);
            thread.start();
        }

        private void serve(int version) {
            try (SSLSocket socket = listener.accept().socket()) {
                TlsHandshake.complete(socket, Duration.ofSeconds(5));
                MessageReader in = new MessageReader(socket.getInputStream());
                MessageWriter out = new MessageWriter(socket.getOutputStream());
                Optional<Message> hello = in.read();
                assertThat(hello).get().isInstanceOf(Hello.class);
                out.write(new Welcome(version, "stand-in v" + version, 1));
                Optional<Message> next;
                while ((next = in.read()).isPresent()) {
                    received.add(next.get());
                    if (next.get() instanceof Ping ping) {
                        long now = System.nanoTime() / 1000;
                        out.write(new Pong(ping.clientSendMicros(), now, now));
                    }
                }
            } catch (IOException e) {
                // the client left or the test closed us
            }
        }

        long count(MessageType type) {
            return received.stream().filter(m -> m.type() == type).count();
        }

        @Override
        public void close() throws Exception {
            listener.close();
            thread.join(5000);
        }
    }

    private static StreamingClient connect(StandInServer server) throws IOException {
        return StreamingClient.connect(ClientConfig.of("127.0.0.1", server.listener.getLocalPort(),
                ServerVerifier.pinned(TestVideos.identity().fingerprint())).withReconnect(false), ClientListener.NONE);
    }

    @Test
    void versionTwoServer_getsTheSmoothedRttAboutOnceASecond() throws Exception {
        try (StandInServer server = new StandInServer(2); StreamingClient client = connect(server)) {
            assertThat(Eventually.within(Duration.ofSeconds(10), () -> server.count(MessageType.CLIENT_REPORT) >= 2)).isTrue();
            ClientReport report = (ClientReport) server.received.stream()
                    .filter(m -> m.type() == MessageType.CLIENT_REPORT).findFirst().orElseThrow();
            assertThat(report.smoothedRttMicros()).isBetween(1L, 1_000_000L);
            // Four pings to a report, give or take the one in flight.
            assertThat(server.count(MessageType.PING)).isGreaterThanOrEqualTo(4 * server.count(MessageType.CLIENT_REPORT) - 4);
        }
    }

    @Test
    void versionOneServer_neverGetsAReport() throws Exception {
        try (StandInServer server = new StandInServer(1); StreamingClient client = connect(server)) {
            // Long enough for the first pongs and three report ticks.
            assertThat(Eventually.within(Duration.ofSeconds(10), () -> server.count(MessageType.PING) >= 16)).isTrue();
            assertThat(client.smoothedRttSeconds()).as("the client has an RTT it could have sent").isPresent();
            assertThat(server.count(MessageType.CLIENT_REPORT)).isZero();
        }
    }
}
