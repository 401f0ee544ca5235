package org.adaptivestream.netlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connections through the link open, carry bytes intact, end and fail as TCP would. */
class EmulatedLinkLifecycleTest {

    private static final byte[] GOODBYE = "bye".getBytes(StandardCharsets.US_ASCII);

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(2, TimeUnit.SECONDS);
    }

    @Test
    @Timeout(20)
    void bytes_echoedThroughJitteryLink_arriveIntactAndInOrder() throws Exception {
        byte[] payload = new byte[1_000_000];
        new Random(42).nextBytes(payload);
        NetworkProfile profile = NetworkProfiles.byName("congested-wifi").withCapacity(
                org.adaptivestream.trace.CapacityTrace.constant("40M", 40e6));
        try (LoopbackServer echo = LoopbackServer.start(LoopbackServer.echo(GOODBYE));
                EmulatedLink link = NetworkLab.start(echo.address(), profile);
                Socket socket = connect(link)) {
            Future<byte[]> received = pool.submit(() -> socket.getInputStream().readAllBytes());
            OutputStream out = socket.getOutputStream();
            for (int i = 0; i < payload.length; i += 7_000) {
                out.write(payload, i, Math.min(7_000, payload.length - i));
            }
            socket.shutdownOutput();

            byte[] expected = new byte[payload.length + GOODBYE.length];
            System.arraycopy(payload, 0, expected, 0, payload.length);
            System.arraycopy(GOODBYE, 0, expected, payload.length, GOODBYE.length);
            assertThat(received.get(10, TimeUnit.SECONDS)).isEqualTo(expected);
            LinkCounters counters = link.counters();
            assertThat(counters.uplink().deliveredBytes()).isEqualTo(payload.length);
            assertThat(counters.downlink().deliveredBytes()).isEqualTo(expected.length);
        }
    }

    @Test
    @Timeout(10)
    void halfClose_clientShutsOutput_serverSeesEndThenAnswersAndCloses() throws Exception {
        NetworkProfile profile = EmulatedLinkAccuracyTest.fixedRate(8e6).withOneWayDelay(Duration.ofMillis(20));
        try (LoopbackServer echo = LoopbackServer.start(LoopbackServer.echo(GOODBYE));
                EmulatedLink link = NetworkLab.start(echo.address(), profile);
                Socket socket = connect(link)) {
            long start = System.nanoTime();
            socket.getOutputStream().write("hello ".getBytes(StandardCharsets.US_ASCII));
            socket.shutdownOutput();

            byte[] all = socket.getInputStream().readAllBytes();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(new String(all, StandardCharsets.US_ASCII)).isEqualTo("hello bye");
            // Data and end of stream each crossed the link there and back.
            assertThat(millis).isGreaterThanOrEqualTo(40);
            awaitNoConnections(link);
        }
    }

    @Test
    @Timeout(10)
    void reset_serverResets_clientIsReset() throws Exception {
        try (LoopbackServer resetting = LoopbackServer.start(LoopbackServer.resetAfterFirstByte());
                EmulatedLink link = NetworkLab.start(resetting.address(), EmulatedLinkAccuracyTest.fixedRate(8e6));
                Socket socket = connect(link)) {
            socket.getOutputStream().write(1);
            InputStream in = socket.getInputStream();

            assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessageContaining("reset");
            awaitNoConnections(link);
        }
    }

    @Test
    @Timeout(10)
    void clientVanishes_whileServerSends_serverConnectionEnds() throws Exception {
        try (LoopbackServer flood = LoopbackServer.start(LoopbackServer.flood());
                EmulatedLink link = NetworkLab.start(flood.address(), EmulatedLinkAccuracyTest.fixedRate(8e6))) {
            Socket socket = connect(link);
            assertThat(socket.getInputStream().read()).isNotNegative();
            socket.setSoLinger(true, 0);
            socket.close();

            awaitNoConnections(link);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (flood.finishedConnections() == 0 && System.nanoTime() - deadline < 0) {
                Thread.sleep(10);
            }
            assertThat(flood.finishedConnections()).isEqualTo(1);
        }
    }

    @Test
    @Timeout(10)
    void upstreamAbsent_clientConnectionEndsAndLinkStaysUp() throws Exception {
        InetSocketAddress nobody;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = (InetSocketAddress) probe.getLocalSocketAddress();
        }
        try (EmulatedLink link = NetworkLab.start(nobody, EmulatedLinkAccuracyTest.fixedRate(8e6))) {
            for (int attempt = 0; attempt < 2; attempt++) {
                try (Socket socket = new Socket()) {
                    // The link may reset the connection before connect() has even returned, or before we
                    // set an option: a reset ends it too. Only a refusal would mean the link is not listening.
                    int read;
                    try {
                        socket.connect(link.localAddress(), 2_000);
                        socket.setSoTimeout(5_000);
                        read = socket.getInputStream().read();
                    } catch (ConnectException refused) {
                        throw refused;
                    } catch (IOException reset) {
                        read = -1;
                    }
                    assertThat(read).isEqualTo(-1);
                }
            }
            assertThat(link.counters().acceptedConnections()).isEqualTo(2);
        }
    }

    @Test
    @Timeout(20)
    void close_withBusyConnections_endsEveryThreadWithinASecond() throws Exception {
        int baseline = netlabThreads();
        try (LoopbackServer flood = LoopbackServer.start(LoopbackServer.flood())) {
            EmulatedLink link = NetworkLab.start(flood.address(), EmulatedLinkAccuracyTest.fixedRate(2e6));
            List<Socket> clients = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Socket socket = connect(link);
                assertThat(socket.getInputStream().read()).isNotNegative();
                clients.add(socket);
            }
            assertThat(link.counters().openConnections()).isEqualTo(3);
            assertThat(netlabThreads()).isEqualTo(baseline + 1 + 4 * 3);

            long start = System.nanoTime();
            link.close();
            long closeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            System.out.printf("netlab close with 3 busy connections: %d ms%n", closeMillis);
            assertThat(closeMillis).isLessThan(1_000);
            assertThat(netlabThreads()).isEqualTo(baseline);
            for (Socket socket : clients) {
                socket.setSoTimeout(1_000);
                assertThat(drainToEnd(socket.getInputStream())).isTrue();
                socket.close();
            }
            link.close();
        }
    }

    @Test
    @Timeout(10)
    void start_portInUse_failsNamingTheAddress() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress address = (InetSocketAddress) taken.getLocalSocketAddress();
            assertThatThrownBy(() -> NetworkLab.start(address, address,
                    EmulatedLinkAccuracyTest.fixedRate(1e6), TraceClock.startingNow()))
                    .isInstanceOf(BindException.class)
                    .hasMessageContaining(String.valueOf(address.getPort()));
        }
    }

    private static Socket connect(EmulatedLink link) throws IOException {
        Socket socket = new Socket();
        socket.connect(link.localAddress(), 2_000);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static int netlabThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("netlab-")).count();
    }

    /** True once the stream has ended, by end of stream or reset. */
    private static boolean drainToEnd(InputStream in) {
        byte[] buffer = new byte[64 * 1024];
        try {
            while (in.read(buffer) >= 0) {
                // Bytes already in the client's socket buffer before the close.
            }
            return true;
        } catch (IOException ended) {
            return !(ended instanceof java.net.SocketTimeoutException);
        }
    }

    private static void awaitNoConnections(EmulatedLink link) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (link.counters().openConnections() > 0 && System.nanoTime() - deadline < 0) {
            Thread.sleep(10);
        }
        assertThat(link.counters().openConnections()).isZero();
    }
}
