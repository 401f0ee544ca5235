package org.adaptivestream.server;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.adaptivestream.protocol.ErrorMessage;
import org.adaptivestream.protocol.Hello;
import org.adaptivestream.protocol.Message;
import org.adaptivestream.protocol.MessageReader;
import org.adaptivestream.protocol.MessageWriter;
import org.adaptivestream.protocol.Ping;
import org.adaptivestream.protocol.Pong;
import org.adaptivestream.protocol.Welcome;
import org.adaptivestream.security.ServerIdentity;
import org.adaptivestream.security.ServerVerifier;
import org.adaptivestream.security.TlsClient;

/**
 * Run by {@link SmallHeapFrameLimitsTest} in its own JVM with a 64 MB heap that exits on the
 * first OutOfMemoryError: a real server with no videos, and clients that send frame headers
 * with hostile lengths. Prints one line per case with what the server answered; the test
 * decides whether that was right.
 */
public final class SmallHeapProbe {

    private SmallHeapProbe() {
    }

    private record Case(String name, int type, int length, int bytesSent) {
    }

    private static final int MAX = ServerConfig.DEFAULT_MAX_CLIENT_FRAME_BYTES;
    private static final List<Case> CASES = List.of(
            new Case("length-0-bye", 0x03, 0, 0),
            new Case("length-0-ping", 0x05, 0, 0),
            new Case("length-1-switch", 0x21, 1, 1),
            new Case("length-1-ping", 0x05, 1, 1),
            new Case("length-max-video-packet", 0x31, MAX, MAX),
            new Case("length-max-plus-1", 0x31, MAX + 1, 0),
            new Case("length-64MiB", 0x31, 64 * 1024 * 1024, 0),
            new Case("length-0x7fffffff", 0x31, 0x7FFFFFFF, 0),
            new Case("length-negative-1", 0x31, -1, 0),
            new Case("length-0x80000000", 0x31, 0x80000000, 0));

    public static void main(String[] args) throws Exception {
        ServerIdentity identity = ServerIdentity.generate(List.of("localhost"), List.of("127.0.0.1"),
                Instant.now().minusSeconds(60), Duration.ofDays(1));
        VideoCatalog empty = new VideoCatalog() {
            @Override
            public List<org.adaptivestream.protocol.VideoInfo> videos() {
                return List.of();
            }

            @Override
            public Optional<org.adaptivestream.media.PreloadedVideo> find(String id) {
                return Optional.empty();
            }
        };
        ServerConfig config = ServerConfig.defaults().withPort(0).withBindAddress(InetAddress.getLoopbackAddress());
        try (StreamingServer server = new StreamingServer(config, identity, empty, ServerListener.NONE)) {
            server.start();
            for (Case c : CASES) {
                System.out.println("case " + c.name() + ": " + run(server, c));
            }
            // The same hostile headers from many clients at once: still nothing allocated for them.
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<String>> all = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                Case c = CASES.get(5 + i % 5);
                all.add(pool.submit(() -> run(server, c)));
            }
            int refused = 0;
            for (Future<String> f : all) {
                if (f.get(30, TimeUnit.SECONDS).startsWith("ERROR PROTOCOL_VIOLATION")) {
                    refused++;
                }
            }
            pool.shutdown();
            System.out.println("concurrent: " + refused + "/" + all.size() + " refused");
            System.gc();
            Runtime rt = Runtime.getRuntime();
            System.out.println("heap: max " + rt.maxMemory() / (1024 * 1024) + " MB, used after GC "
                    + (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024) + " MB");
            System.out.println("alive: " + ping(server));
        }
        System.out.flush();
        System.exit(0);
    }

    /** Hello, then the case's header (and as many payload bytes as it says to send); returns what came back. */
    private static String run(StreamingServer server, Case c) throws IOException {
        try (SSLSocket socket = TlsClient.connect("127.0.0.1", server.port(), ServerVerifier.pinned(server.fingerprint()),
                Duration.ofSeconds(5))) {
            socket.setSoTimeout(10_000);
            MessageWriter out = new MessageWriter(socket.getOutputStream());
            MessageReader in = new MessageReader(socket.getInputStream());
            out.write(Hello.of("probe"));
            if (!(in.read().orElse(null) instanceof Welcome)) {
                return "no welcome";
            }
            OutputStream raw = socket.getOutputStream();
            raw.write(ByteBuffer.allocate(6).put((byte) c.type()).put((byte) 0).putInt(c.length()).array());
            raw.write(new byte[c.bytesSent()]);
            raw.flush();
            Optional<Message> answer;
            try {
                answer = in.read();
            } catch (IOException e) {
                return "closed (" + e.getClass().getSimpleName() + ")";
            }
            if (answer.isEmpty()) {
                return "closed";
            }
            if (answer.get() instanceof ErrorMessage e) {
                return "ERROR " + e.code() + " then " + (closesAfter(socket, in) ? "closed" : "open");
            }
            return answer.get().type().toString();
        }
    }

    /** True if the server closes within 2 s; a session it keeps open just stays silent. */
    private static boolean closesAfter(SSLSocket socket, MessageReader in) {
        try {
            socket.setSoTimeout(2_000);
            return in.read().isEmpty();
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static String ping(StreamingServer server) throws IOException {
        try (SSLSocket socket = TlsClient.connect("127.0.0.1", server.port(), ServerVerifier.pinned(server.fingerprint()),
                Duration.ofSeconds(5))) {
            socket.setSoTimeout(10_000);
            MessageWriter out = new MessageWriter(socket.getOutputStream());
            MessageReader in = new MessageReader(socket.getInputStream());
            out.write(Hello.of("probe"));
            in.read();
            out.write(new Ping(42));
            return in.read().orElse(null) instanceof Pong ? "pong" : "no pong";
        }
    }
}
