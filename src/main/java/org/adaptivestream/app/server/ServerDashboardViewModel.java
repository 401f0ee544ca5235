package org.adaptivestream.app.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.adaptivestream.app.AppContext;
import org.adaptivestream.app.Format;
import org.adaptivestream.media.CancelToken;
import org.adaptivestream.media.LibraryEntry;
import org.adaptivestream.media.Manifest;
import org.adaptivestream.media.MediaException;
import org.adaptivestream.media.MediaLibrary;
import org.adaptivestream.media.PrepareCancelledException;
import org.adaptivestream.media.PrepareProgress;
import org.adaptivestream.media.PrepareRequest;
import org.adaptivestream.media.ProgressListener;
import org.adaptivestream.media.RenditionEntry;
import org.adaptivestream.media.VideoId;
import org.adaptivestream.security.ServerIdentity;
import org.adaptivestream.server.LibraryCatalog;
import org.adaptivestream.server.ServerConfig;
import org.adaptivestream.server.ServerListener;
import org.adaptivestream.server.SessionInfo;
import org.adaptivestream.server.StreamingServer;

/**
 * The server dashboard's state and actions: the streaming server's lifecycle, the media
 * library with preparing, the live client table, the aggregate throughput and the log.
 *
 * <p>Properties are read and changed on the FX thread only. Everything slow (binding the
 * port, making the certificate, listing and preparing videos) runs on the context's
 * background executor and comes back through its FX executor.
 */
public final class ServerDashboardViewModel {

    public static final int MAX_LOG_LINES = 1000;
    public static final double THROUGHPUT_WINDOW_SECONDS = 120;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** A row of the library table. */
    public record VideoRow(String id, String title, String rungs, String duration, String size, String status) {
    }

    /**
     * A row of the connected-clients table.
     *
     * @param bitrate what the server sent this client over the last two seconds
     * @param rtt     the smoothed round-trip time the client reported, "–" until it does
     */
    public record ClientRow(long sessionId, String address, String video, String rung, String bitrate, String rtt,
                            int queuedPackets, long packetsSent, String connectedFor, String state) {
    }

    private final AppContext context;
    private final MediaLibrary library;
    private final StringProperty bindAddress = new SimpleStringProperty();
    private final StringProperty port = new SimpleStringProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty changingState = new SimpleBooleanProperty();
    private final StringProperty fingerprint = new SimpleStringProperty("");
    private final StringProperty listeningOn = new SimpleStringProperty("Stopped");
    private final ObservableList<VideoRow> videos = FXCollections.observableArrayList();
    private final BooleanProperty preparing = new SimpleBooleanProperty();
    private final DoubleProperty prepareProgress = new SimpleDoubleProperty();
    private final StringProperty prepareMessage = new SimpleStringProperty("");
    private final ObservableList<ClientRow> clients = FXCollections.observableArrayList();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final DoubleProperty throughputMbps = new SimpleDoubleProperty();
    private final ThroughputMeter throughput = new ThroughputMeter(THROUGHPUT_WINDOW_SECONDS);
    private final LibraryCatalog catalog;
    private volatile StreamingServer server;
    private volatile CancelToken prepareCancel = new CancelToken();
    private volatile boolean disposed;
    private final java.util.Set<String> reportedProblems = new java.util.HashSet<>();

    public ServerDashboardViewModel(AppContext context) {
        this.context = context;
        this.library = MediaLibrary.of(context.workspace());
        this.catalog = new LibraryCatalog(library);
        bindAddress.set(context.settings().get().bindAddress());
        port.set(String.valueOf(context.settings().get().serverPort()));
    }

    public StringProperty bindAddressProperty() {
        return bindAddress;
    }

    public StringProperty portProperty() {
        return port;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** True while starting or stopping. */
    public ReadOnlyBooleanProperty changingStateProperty() {
        return changingState;
    }

    public StringProperty fingerprintProperty() {
        return fingerprint;
    }

    public StringProperty listeningOnProperty() {
        return listeningOn;
    }

    public ObservableList<VideoRow> videos() {
        return videos;
    }

    public ReadOnlyBooleanProperty preparingProperty() {
        return preparing;
    }

    public DoubleProperty prepareProgressProperty() {
        return prepareProgress;
    }

    public StringProperty prepareMessageProperty() {
        return prepareMessage;
    }

    public ObservableList<ClientRow> clients() {
        return clients;
    }

    public ObservableList<String> log() {
        return log;
    }

    public DoubleProperty throughputMbpsProperty() {
        return throughputMbps;
    }

    public List<ThroughputMeter.Sample> throughputHistory() {
        return throughput.history();
    }

    /** The port actually listened on (useful when 0 asked for any free one); -1 when stopped. */
    public int boundPort() {
        StreamingServer current = server;
        return current == null ? -1 : current.port();
    }

    // ---- library ----

    /**
     * Lists the library; if it holds no playable video, makes the built-in sample first, with
     * progress. Called when the dashboard opens.
     */
    public void loadLibrary() {
        if (preparing.get()) {
            return;
        }
        beginPrepare("Checking the library…");
        CancelToken cancel = prepareCancel;
        context.background().execute(() -> {
            try {
                if (library.readyVideos().isEmpty()) {
                    context.fx().execute(() -> prepareMessage.set("Making the built-in sample video…"));
                    library.ensureSample(progressToFx("Making the built-in sample video"), cancel)
                            .ifPresent(m -> logLater("made the built-in sample '" + m.id() + "'"));
                }
                finishPrepare(null, null);
            } catch (PrepareCancelledException e) {
                finishPrepare("Making the sample was cancelled; add a video to serve.", null);
            } catch (MediaException | RuntimeException e) {
                finishPrepare(null, e);
            }
        });
    }

    /**
     * Prepares video files into the library, one after another, with progress and cancel. Files
     * that fail are reported and skipped; the rest go on.
     */
    public void prepare(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        if (preparing.get()) {
            context.notifier().error("Busy", "A video is being prepared; wait for it or cancel it first.");
            return;
        }
        beginPrepare("Preparing " + files.get(0).getFileName() + "…");
        CancelToken cancel = prepareCancel;
        context.background().execute(() -> {
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < files.size() && !cancel.isCancelled(); i++) {
                Path file = files.get(i);
                String label = "Preparing " + file.getFileName() + (files.size() > 1 ? " (" + (i + 1) + "/" + files.size() + ")" : "");
                context.fx().execute(() -> prepareMessage.set(label + "…"));
                try {
                    if (!Files.isRegularFile(file)) {
                        throw new IOException("not a file: " + file);
                    }
                    PrepareRequest request = PrepareRequest.of(file).withId(VideoId.fromFileName(file));
                    Manifest manifest = library.prepare(request, progressToFx(label), cancel);
                    logLater("prepared '" + manifest.id() + "' from " + file.getFileName());
                } catch (PrepareCancelledException e) {
                    logLater("preparing " + file.getFileName() + " was cancelled");
                } catch (MediaException | IOException | RuntimeException e) {
                    failures.add(file.getFileName() + ": " + Format.failure(e));
                    logLater("could not prepare " + file.getFileName() + ": " + Format.failure(e));
                }
            }
            finishPrepare(cancel.isCancelled() ? "Cancelled." : null,
                    failures.isEmpty() ? null : new IOException(String.join("\n", failures)));
        });
    }

    public void cancelPrepare() {
        prepareCancel.cancel();
        prepareMessage.set("Cancelling…");
    }

    private void beginPrepare(String message) {
        prepareCancel = new CancelToken();
        preparing.set(true);
        prepareProgress.set(-1);
        prepareMessage.set(message);
    }

    private ProgressListener progressToFx(String label) {
        return progress -> context.fx().execute(() -> {
            prepareProgress.set(progress.fraction());
            prepareMessage.set(label + ": " + describe(progress));
        });
    }

    static String describe(PrepareProgress progress) {
        String percent = String.format(Locale.ROOT, "%.0f%%", progress.fraction() * 100);
        return progress.remaining().map(left -> percent + ", about " + Format.clock(left.plusSeconds(1)) + " left")
                .orElse(percent);
    }

    /** Relists the library and reloads the running server's catalog; then reports on the FX thread. */
    private void finishPrepare(String note, Exception failure) {
        List<LibraryEntry> entries;
        String listProblem = null;
        try {
            entries = library.list();
            catalog.reload();
        } catch (MediaException e) {
            entries = List.of();
            listProblem = Format.failure(e);
        }
        List<VideoRow> rows = entries.stream().map(ServerDashboardViewModel::row).toList();
        String problem = listProblem;
        List<String> notServed = catalog.problems();
        context.fx().execute(() -> {
            reportNotServed(notServed);
            videos.setAll(rows);
            preparing.set(false);
            prepareProgress.set(0);
            prepareMessage.set(note == null ? "" : note);
            if (failure != null) {
                context.notifier().error("Could not prepare the video", failure.getMessage());
            }
            if (problem != null) {
                context.notifier().error("Cannot read the library", problem);
            }
        });
    }

    /** Videos the catalog could not load (damaged or corrupt): logged, and told once each. */
    private void reportNotServed(List<String> problems) {
        List<String> fresh = problems.stream().filter(reportedProblems::add).toList();
        for (String p : fresh) {
            appendLog("not serving " + p);
        }
        if (!fresh.isEmpty()) {
            context.notifier().error(fresh.size() == 1 ? "A video cannot be served" : fresh.size() + " videos cannot be served",
                    String.join("\n", fresh) + "\nThe other videos are served; prepare the damaged ones again.");
        }
    }

    static VideoRow row(LibraryEntry entry) {
        if (entry instanceof LibraryEntry.Ready ready) {
            Manifest m = ready.manifest();
            String rungs = m.renditions().stream().map(RenditionEntry::label).collect(Collectors.joining(" "));
            return new VideoRow(m.id(), m.title(), rungs, Format.clock(m.duration()), Format.bytes(m.totalBytes()), "ready");
        }
        LibraryEntry.Damaged damaged = (LibraryEntry.Damaged) entry;
        return new VideoRow(damaged.folderName(), "", "", "", "", "damaged: " + damaged.problem());
    }

    // ---- server lifecycle ----

    public void start() {
        if (server != null || changingState.get()) {
            return;
        }
        int portNumber;
        try {
            portNumber = Integer.parseInt(port.get().trim());
            if (portNumber < 0 || portNumber > 65535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            context.notifier().error("Cannot start the server", "The port must be a number from 0 to 65535, not '" + port.get() + "'.");
            return;
        }
        String bind = bindAddress.get() == null ? "" : bindAddress.get().trim();
        context.settings().update(s -> s.withServer(bind, portNumber));
        changingState.set(true);
        listeningOn.set("Starting…");
        context.background().execute(() -> {
            try {
                InetAddress address = InetAddress.getByName(bind.isEmpty() ? "127.0.0.1" : bind);
                ServerIdentity identity = ServerIdentity.loadOrCreate(context.workspace().certsDir());
                catalog.reload();
                ServerConfig config = ServerConfig.defaults().withPort(portNumber).withBindAddress(address);
                StreamingServer started = new StreamingServer(config, identity, catalog, new LogToDashboard()).start();
                int videoCount = catalog.videos().size();
                List<String> notServed = catalog.problems();
                context.fx().execute(() -> {
                    reportNotServed(notServed);
                    changingState.set(false);
                    if (disposed) {
                        context.background().execute(started::close);
                        return;
                    }
                    server = started;
                    running.set(true);
                    fingerprint.set(started.fingerprint().colonHex());
                    listeningOn.set("Listening on " + address.getHostAddress() + ":" + started.port() + " (TLS 1.3)");
                    throughput.reset();
                    appendLog("listening on " + address.getHostAddress() + ":" + started.port() + ", " + videoCount + " video(s)");
                    context.notifier().info("Server listening on " + address.getHostAddress() + ":" + started.port());
                    if (videoCount == 0) {
                        context.notifier().error("No videos to serve", "The library has no playable video yet: add one.");
                    }
                });
            } catch (UnknownHostException e) {
                failedToStart("Unknown bind address '" + bind + "'.");
            } catch (IOException | MediaException | RuntimeException e) {
                failedToStart(Format.failure(e));
            }
        });
    }

    private void failedToStart(String why) {
        context.fx().execute(() -> {
            changingState.set(false);
            listeningOn.set("Stopped");
            appendLog("could not start: " + why);
            context.notifier().error("Cannot start the server", why);
        });
    }

    public void stop() {
        StreamingServer current = server;
        if (current == null || changingState.get()) {
            return;
        }
        changingState.set(true);
        listeningOn.set("Stopping…");
        context.background().execute(() -> {
            current.close();
            context.fx().execute(() -> {
                server = null;
                changingState.set(false);
                running.set(false);
                clients.clear();
                throughputMbps.set(0);
                listeningOn.set("Stopped");
                appendLog("stopped");
            });
        });
    }

    /** Refreshes the client table and throughput from the server; the view calls this twice a second. */
    public void poll(double nowSeconds) {
        StreamingServer current = server;
        List<SessionInfo> sessions = current == null ? List.of() : current.sessions();
        throughputMbps.set(throughput.record(nowSeconds, sessions));
        Instant now = Instant.now();
        clients.setAll(sessions.stream().map(s -> row(s, throughput.sessionBitsPerSecond(s.sessionId()), now)).toList());
    }

    static ClientRow row(SessionInfo s, double sentBitsPerSecond, Instant now) {
        boolean playing = !s.rung().isEmpty();
        return new ClientRow(s.sessionId(), s.remoteAddress(),
                s.video().isEmpty() ? "–" : s.video(), playing ? s.rung() : "–",
                playing && !Double.isNaN(sentBitsPerSecond) ? Format.mbps(sentBitsPerSecond) : "–",
                s.hasClientRtt() ? rtt(s.clientRttMicros()) : "–",
                s.queuedPackets(), s.packetsSent(), Format.clock(Duration.between(s.connectedAt(), now)), s.state());
    }

    static String rtt(long micros) {
        double millis = micros / 1000.0;
        return String.format(Locale.ROOT, millis < 10 ? "%.1f ms" : "%.0f ms", millis);
    }

    /** Stops the server and any prepare; used when the window closes. Blocks for at most the server's shutdown bound. */
    public void dispose() {
        disposed = true;
        prepareCancel.cancel();
        StreamingServer current = server;
        server = null;
        if (current != null) {
            current.close();
        }
    }

    private void logLater(String line) {
        context.fx().execute(() -> appendLog(line));
    }

    private void appendLog(String line) {
        log.add(LocalTime.now().format(CLOCK) + "  " + line);
        if (log.size() > MAX_LOG_LINES) {
            log.remove(0, log.size() - MAX_LOG_LINES);
        }
    }

    /** The server's events, handed to the FX thread as log lines (the listener is called on server threads). */
    private final class LogToDashboard implements ServerListener {
        @Override
        public void sessionOpened(SessionInfo s) {
            logLater("#" + s.sessionId() + " " + s.remoteAddress() + " connected"
                    + (s.clientName().isEmpty() ? "" : " (" + s.clientName() + ")"));
        }

        @Override
        public void sessionEvent(SessionInfo s, String event) {
            logLater("#" + s.sessionId() + " " + event);
        }

        @Override
        public void sessionClosed(SessionInfo s, String reason) {
            logLater("#" + s.sessionId() + " disconnected: " + reason
                    + String.format(Locale.ROOT, " (%d packets, %.1f MB)", s.packetsSent(), s.bytesSent() / 1e6));
        }

        @Override
        public void connectionRefused(String remote, String reason) {
            logLater(remote + " refused: " + reason);
        }
    }
}
