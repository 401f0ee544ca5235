package org.adaptivestream.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLSocket;
import org.adaptivestream.client.ClientListener;
import org.adaptivestream.client.FrameSink;
import org.adaptivestream.client.StreamingClient;
import org.adaptivestream.media.Rung;
import org.adaptivestream.protocol.ErrorCode;
import org.adaptivestream.protocol.ErrorMessage;
import org.adaptivestream.protocol.Hello;
import org.adaptivestream.protocol.Message;
import org.adaptivestream.protocol.MessageReader;
import org.adaptivestream.protocol.MessageWriter;
import org.adaptivestream.protocol.Play;
import org.adaptivestream.protocol.Welcome;
import org.adaptivestream.security.ServerVerifier;
import org.adaptivestream.security.TlsClient;
import org.adaptivestream.testkit.Eventually;
import org.adaptivestream.testkit.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hostile and vanishing peers: the server drops them and keeps serving everyone else. */
// Generous: the first test in a run also encodes the shared test videos, slow on a busy machine.
@Timeout(180)
class ServerRobustnessTest {

    private TestServer server;
    private StreamingClient viewer;

    @AfterEach
    void stop() {
        if (viewer != null) {
            viewer.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void startWithViewer(ServerConfig config) throws Exception {
        server = new TestServer(config);
        viewer = StreamingClient.connect(server.clientConfig(), ClientListener.NONE);
        viewer.play(viewer.catalog().get(0), Rung.R240P, true, FrameSink.DISCARD);
        assertThat(Eventually.within(Duration.ofSeconds(10), () -> viewer.metrics().framesDecoded() > 5)).isTrue();
    }

    private static ServerConfig testConfig() {
        return ServerConfig.defaults().withPort(0).withBindAddress(InetAddress.getLoopbackAddress());
    }

    private SSLSocket rawTls() throws IOException {
        return TlsClient.connect("127.0.0.1", server.port(), ServerVerifier.pinned(server.server.fingerprint()),
                Duration.ofSeconds(5));
    }

    /** Reads until the server closes; true if it did within the timeout. */
    private static boolean closedByServer(Socket socket, Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            while (in.read(buffer) >= 0) {
                // drain whatever it says before closing
            }
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset or TLS alert: closed all the same
        }
    }

    private void assertViewerStillStreams() {
        long before = viewer.metrics().framesDecoded();
        assertThat(Eventually.within(Duration.ofSeconds(5), () -> viewer.metrics().framesDecoded() > before + 15))
                .as("the other client keeps receiving frames").isTrue();
    }

    @Test
    void plaintextAndHttpOnTlsPort_areDroppedWhileOthersStream() throws Exception {
        startWithViewer(testConfig());
        for (String junk : new String[] {"GET / HTTP/1.1\r\nHost: x\r\n\r\n", "hello, plaintext\n"}) {
            try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                plain.getOutputStream().write(junk.getBytes(StandardCharsets.US_ASCII));
                assertThat(closedByServer(plain, Duration.ofSeconds(5))).isTrue();
            }
        }
        assertViewerStillStreams();
        assertThat(server.events).anyMatch(e -> e.startsWith("refused") && e.contains("handshake failed"));
    }

    @Test
    void hugeOrNegativeLength_closesThatConnectionBeforeAllocating() throws Exception {
        startWithViewer(testConfig());
        for (int length : new int[] {0x7FFFFFFF, -1, 64 * 1024 * 1024}) {
            try (SSLSocket socket = rawTls()) {
                MessageWriter out = new MessageWriter(socket.getOutputStream());
                MessageReader in = new MessageReader(socket.getInputStream());
                out.write(Hello.of("attacker"));
                assertThat(in.read()).get().isInstanceOf(Welcome.class);
                // A PLAY header (type 0x20) that claims an absurd payload, then nothing.
                ByteBuffer header = ByteBuffer.allocate(6).put((byte) 0x20).put((byte) 0).putInt(length);
                socket.getOutputStream().write(header.array());
                socket.getOutputStream().flush();
                Optional<Message> answer = in.read();
                assertThat(answer).get().isInstanceOfSatisfying(ErrorMessage.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL_VIOLATION));
                assertThat(closedByServer(socket, Duration.ofSeconds(5))).isTrue();
            }
        }
        assertViewerStillStreams();
    }

    @Test
    void playBeforeHello_isAProtocolViolation() throws Exception {
        server = new TestServer(testConfig());
        try (SSLSocket socket = rawTls()) {
            new MessageWriter(socket.getOutputStream()).write(new Play("alpha", 0, Rung.R240P, false));
            Optional<Message> answer = new MessageReader(socket.getInputStream()).read();
            assertThat(answer).get().isInstanceOfSatisfying(ErrorMessage.class,
                    e -> assertThat(e.text()).contains("HELLO"));
            assertThat(closedByServer(socket, Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void silentAndDrippingConnections_areCutAtTheHandshakeDeadline() throws Exception {
        server = new TestServer(testConfig().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(10)));
        long start = System.nanoTime();
        try (Socket silent = new Socket(InetAddress.getLoopbackAddress(), server.port());
             Socket drip = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            OutputStream out = drip.getOutputStream();
            // A ClientHello record header, one byte at a time, slower than the deadline allows.
            byte[] clientHelloStart = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01};
            boolean cut = false;
            for (byte b : clientHelloStart) {
                try {
                    out.write(b);
                    out.flush();
                } catch (IOException e) {
                    cut = true;
                    break;
                }
                Thread.sleep(400);
            }
            assertThat(cut || closedByServer(drip, Duration.ofSeconds(3))).isTrue();
            assertThat(closedByServer(silent, Duration.ofSeconds(3))).isTrue();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(seconds).as("cut at the 1 s deadline, not by an idle timeout").isLessThan(5);
        assertThat(Eventually.within(Duration.ofSeconds(2), () -> server.server.sessions().isEmpty())).isTrue();
    }

    @Test
    void clientKilledMidStream_freesItsSessionAndThreads() throws Exception {
        startWithViewer(testConfig());
        long baseline = Eventually.threads("session-");
        SSLSocket socket = rawTls();
        MessageWriter out = new MessageWriter(socket.getOutputStream());
        MessageReader in = new MessageReader(socket.getInputStream());
        out.write(Hello.of("doomed"));
        in.read();
        out.write(new Play("beta", 0, Rung.R1080P, true));
        in.read();
        assertThat(server.server.sessions()).hasSize(2);
        assertThat(Eventually.threads("session-")).isEqualTo(baseline + 1); // its reader; the shared pacer sends video
        socket.setSoLinger(true, 0); // an abrupt reset, as when a process is killed
        socket.close();
        assertThat(Eventually.within(Duration.ofSeconds(12), () -> server.server.sessions().size() == 1)).isTrue();
        assertThat(Eventually.within(Duration.ofSeconds(3), () -> Eventually.threads("session-") == baseline)).isTrue();
        assertViewerStillStreams();
    }

    @Test
    void overTheClientLimit_newcomerIsToldTheServerIsBusy() throws Exception {
        startWithViewer(testConfig().withMaxClients(1));
        try (SSLSocket socket = rawTls()) {
            Optional<Message> answer = new MessageReader(socket.getInputStream()).read();
            assertThat(answer).get().isInstanceOfSatisfying(ErrorMessage.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVER_BUSY));
        }
        assertViewerStillStreams();
    }

    @Test
    void shutdown_withClientsConnected_closesAllAndFreesPortWithinTwoSeconds() throws Exception {
        startWithViewer(testConfig());
        int port = server.port();
        long start = System.nanoTime();
        server.close();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(seconds).isLessThan(2.0);
        assertThat(server.server.sessions()).isEmpty();
        try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
        assertThat(Eventually.threads("session-")).isZero();
        server = null;
    }
}
