package org.adaptivestream.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.adaptivestream.testkit.ClientHellos;
import org.adaptivestream.testkit.Eventually;
import org.adaptivestream.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What reaches the TLS port before any session exists: hellos for protocol versions and key
 * exchange groups the server does not speak, and a hello dripped slower than any read timeout
 * would notice. Hand-built ClientHellos, since the JDK will not send most of these itself.
 */
@Timeout(60)
class TlsHandshakeAbuseTest {

    private static final Duration HANDSHAKE_DEADLINE = Duration.ofMillis(3_000);
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(ServerConfig.defaults().withPort(0).withBindAddress(InetAddress.getLoopbackAddress())
                .withTimeouts(HANDSHAKE_DEADLINE, Duration.ofSeconds(30), Duration.ofSeconds(10)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The first TLS record the server answers with: its content type, and the handshake message type or alert description. */
    private record Answer(int contentType, int detail) {
        boolean isServerHello() {
            return contentType == 0x16 && detail == 0x02;
        }

        boolean isFatalAlertOrClose() {
            return contentType == -1 || contentType == 0x15;
        }
    }

    private static Answer offer(byte[] clientHello) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(clientHello);
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            byte[] header = in.readNBytes(5);
            if (header.length < 5) {
                return new Answer(-1, -1);
            }
            int first = in.read();
            if (header[0] == 0x15) {
                return new Answer(0x15, in.read()); // after the level: the alert's description
            }
            return new Answer(header[0] & 0xFF, first); // for a handshake record: the message type
        } catch (java.net.SocketException reset) {
            return new Answer(-1, -1);
        }
    }

    @Test
    void tls13HelloWithAGroupWeSpeak_getsAServerHello() throws Exception {
        // The control: the same builder, a group the server allows, and the server answers.
        Answer x25519 = offer(ClientHellos.tls13(ClientHellos.X25519));
        assertThat(x25519.isServerHello()).as("%s; server: %s", x25519, server.events).isTrue();
        assertThat(offer(ClientHellos.tls13(ClientHellos.SECP256R1)).isServerHello()).isTrue();
    }

    @Test
    void legacyVersionHellos_sslv3ToTls12_areRefusedWithoutAServerHello() throws Exception {
        for (int version : new int[] {0x0300, 0x0301, 0x0302, 0x0303}) {
            Answer answer = offer(ClientHellos.legacy(version));
            assertThat(answer.isFatalAlertOrClose()).as("version 0x%04x answered with %s", version, answer).isTrue();
        }
    }

    @Test
    void tls13HelloWithOnlyUnsupportedGroups_isRefused() throws Exception {
        for (int group : new int[] {ClientHellos.SECP521R1, ClientHellos.X448, ClientHellos.FFDHE2048}) {
            Answer answer = offer(ClientHellos.tls13(group));
            assertThat(answer.isFatalAlertOrClose()).as("group 0x%04x answered with %s", group, answer).isTrue();
        }
    }

    @Test
    void clientHelloDrippedOneByteEveryTwoSeconds_isCutAtTheAbsoluteDeadline() throws Exception {
        byte[] hello = ClientHellos.tls13(ClientHellos.X25519);
        long start = System.nanoTime();
        try (Socket drip = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            // Each byte comes well within any per-read timeout; only an absolute deadline ends this.
            CompletableFuture<Long> closedAt = CompletableFuture.supplyAsync(() -> {
                try {
                    drip.setSoTimeout(15_000);
                    drip.getInputStream().read(); // a closing alert or the end: either way, closed
                    return System.nanoTime();
                } catch (SocketTimeoutException e) {
                    return -1L;
                } catch (IOException e) {
                    return System.nanoTime(); // reset
                }
            });
            OutputStream out = drip.getOutputStream();
            for (int i = 0; i < hello.length && !closedAt.isDone(); i++) {
                try {
                    out.write(hello[i]);
                    out.flush();
                } catch (IOException cut) {
                    break;
                }
                Thread.sleep(2_000);
            }
            long closed = closedAt.get(15, TimeUnit.SECONDS);
            assertThat(closed).as("the server never closed the dripping connection").isPositive();
            double seconds = (closed - start) / 1e9;
            assertThat(seconds).as("cut at the %d ms deadline", HANDSHAKE_DEADLINE.toMillis())
                    .isBetween(HANDSHAKE_DEADLINE.toMillis() / 1000.0 - 0.2, HANDSHAKE_DEADLINE.toMillis() / 1000.0 + 1.5);
        }
        assertThat(Eventually.within(Duration.ofSeconds(2), () -> server.events.stream()
                .anyMatch(e -> e.contains("no handshake within " + HANDSHAKE_DEADLINE.toMillis() + " ms")))).isTrue();
        assertThat(Eventually.within(Duration.ofSeconds(2), () -> server.server.sessions().isEmpty())).isTrue();
    }
}
