package org.adaptivestream.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.adaptivestream.Workspace;
import org.adaptivestream.media.CancelToken;
import org.adaptivestream.media.MediaException;
import org.adaptivestream.media.MediaLibrary;
import org.adaptivestream.media.ProgressListener;
import org.adaptivestream.security.ServerIdentity;
import org.adaptivestream.server.LibraryCatalog;
import org.adaptivestream.server.ServerConfig;
import org.adaptivestream.server.ServerListener;
import org.adaptivestream.server.SessionInfo;
import org.adaptivestream.server.StreamingServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code adaptivestream server}: the streaming server, headless, one log line per client event. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Serves the prepared videos in static/ over TLS 1.3 until Ctrl-C. "
                + "Makes the built-in sample first if the library is empty, and the certificate in certs/ on first start.")
final class ServerCommand implements Callable<Integer> {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Supplier<Workspace> workspace;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "" + ServerConfig.DEFAULT_PORT, description = "TLS port (default: ${DEFAULT-VALUE}; 0 picks one).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String bind;

    @Option(names = "--max-clients", defaultValue = "" + ServerConfig.DEFAULT_MAX_CLIENTS, description = "Clients at once (default: ${DEFAULT-VALUE}).")
    int maxClients;

    @Option(names = "--duration", paramLabel = "S", description = "Stop after this many seconds (default: run until Ctrl-C).")
    Integer durationSeconds;

    ServerCommand(Supplier<Workspace> workspace) {
        this.workspace = workspace;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Workspace ws = workspace.get();
        MediaLibrary library = MediaLibrary.of(ws);
        LibraryCatalog catalog;
        try {
            if (library.ensureSample(sampleProgress(out), new CancelToken()).isPresent()) {
                out.println("Made the built-in sample video.");
            }
            catalog = new LibraryCatalog(library).reload();
        } catch (MediaException e) {
            err.println("server: " + e.getMessage());
            return 1;
        }
        ServerIdentity identity = ServerIdentity.loadOrCreate(ws.certsDir());
        ServerConfig config = ServerConfig.defaults().withPort(port).withBindAddress(InetAddress.getByName(bind))
                .withMaxClients(maxClients);
        CountDownLatch stopped = new CountDownLatch(1);
        try (StreamingServer server = new StreamingServer(config, identity, catalog, new LogLines(out))) {
            server.start();
            out.printf("Listening on %s:%d (TLS 1.3), %d video(s): %s%n", bind, server.port(), catalog.videos().size(),
                    String.join(", ", catalog.videos().stream().map(v -> v.id()).toList()));
            out.println("Certificate SHA-256 fingerprint: " + identity.fingerprint());
            out.flush();
            Thread hook = new Thread(stopped::countDown, "server-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            if (durationSeconds != null) {
                stopped.await(durationSeconds, TimeUnit.SECONDS);
                Runtime.getRuntime().removeShutdownHook(hook);
            } else {
                stopped.await();
            }
            out.println("Shutting down.");
        }
        out.flush();
        return 0;
    }

    /** Prints each whole percent once, not every frame. */
    private static ProgressListener sampleProgress(PrintWriter out) {
        int[] lastPercent = {-1};
        return progress -> {
            int percent = (int) Math.floor(progress.fraction() * 100);
            if (percent == lastPercent[0]) {
                return;
            }
            lastPercent[0] = percent;
            out.printf("\rMaking the built-in sample: %3d%%", percent);
            if (percent >= 100) {
                out.println();
            }
            out.flush();
        };
    }

    /** One line per client event, timestamped. */
    private record LogLines(PrintWriter out) implements ServerListener {
        @Override
        public void sessionOpened(SessionInfo s) {
            line(s, "connected" + (s.clientName().isEmpty() ? "" : " (" + s.clientName() + ")"));
        }

        @Override
        public void sessionEvent(SessionInfo s, String event) {
            line(s, event);
        }

        @Override
        public void sessionClosed(SessionInfo s, String reason) {
            line(s, "disconnected: " + reason + String.format(" (%d packets, %.1f MB)", s.packetsSent(), s.bytesSent() / 1e6));
        }

        @Override
        public void connectionRefused(String remote, String reason) {
            synchronized (out) {
                out.printf("%s %s refused: %s%n", LocalTime.now().format(CLOCK), remote, reason);
                out.flush();
            }
        }

        private void line(SessionInfo s, String what) {
            synchronized (out) {
                out.printf("%s #%d %s %s%n", LocalTime.now().format(CLOCK), s.sessionId(), s.remoteAddress(), what);
                out.flush();
            }
        }
    }
}
