package org.adaptivestream.app.player;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.adaptivestream.app.AppContext;
import org.adaptivestream.app.ExportFile;
import org.adaptivestream.app.Format;
import org.adaptivestream.adaptation.AdaptationController;
import org.adaptivestream.adaptation.PolicyRegistry;
import org.adaptivestream.client.ClientConfig;
import org.adaptivestream.client.ClientListener;
import org.adaptivestream.client.ClientState;
import org.adaptivestream.client.FrameSink;
import org.adaptivestream.client.StreamingClient;
import org.adaptivestream.media.Rung;
import org.adaptivestream.metrics.SwitchEvent;
import org.adaptivestream.netlab.EmulatedLink;
import org.adaptivestream.netlab.NetworkLab;
import org.adaptivestream.netlab.NetworkProfile;
import org.adaptivestream.netlab.NetworkProfiles;
import org.adaptivestream.protocol.VideoInfo;
import org.adaptivestream.security.FirstContactPrompt;
import org.adaptivestream.security.ServerCertificateChangedException;
import org.adaptivestream.security.ServerVerifier;
import org.adaptivestream.security.UntrustedServerException;

/**
 * The client player's state and actions: connecting (with the trust step), the catalog,
 * playback, static or adaptive mode, the manual rung override, the policy and the network
 * profile, the stats overlay and exports.
 *
 * <p>Properties are read and changed on the FX thread. Connecting, the catalog, playback
 * commands, closing and exports run on the background executor. The client's own threads
 * report through a listener that hands every event to the FX executor.
 */
public final class PlayerViewModel {

    public static final String AUTO = "auto";
    public static final String NO_NETWORK_PROFILE = "none";
    public static final String ADAPTIVE = "adaptive";
    public static final String STATIC = "static";

    /** What the player is doing, for enabling controls. */
    public enum Phase { DISCONNECTED, CONNECTING, CONNECTED, PLAYING, PAUSED }

    private final AppContext context;
    private final BiFunction<String, Integer, ServerVerifier> verifierFactory;
    private final Map<String, ServerVerifier> verifiers = new HashMap<>();
    private final StringProperty host = new SimpleStringProperty();
    private final StringProperty port = new SimpleStringProperty();
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.DISCONNECTED);
    private final ObservableList<VideoInfo> catalog = FXCollections.observableArrayList();
    private final ObjectProperty<VideoInfo> selectedVideo = new SimpleObjectProperty<>();
    private final BooleanProperty adaptive = new SimpleBooleanProperty(true);
    private final StringProperty rendition = new SimpleStringProperty(AUTO);
    private final StringProperty policy = new SimpleStringProperty(PolicyRegistry.DEFAULT);
    private final StringProperty staticRung = new SimpleStringProperty(Rung.R720P.label());
    private final StringProperty networkProfile = new SimpleStringProperty(NO_NETWORK_PROFILE);
    private final DoubleProperty positionSeconds = new SimpleDoubleProperty();
    private final DoubleProperty durationSeconds = new SimpleDoubleProperty();
    private final StringProperty stats = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("Not connected");
    private final BooleanProperty statsOverlay = new SimpleBooleanProperty(true);
    private final IntegerProperty sessionNumber = new SimpleIntegerProperty();
    private final ObservableList<SwitchEvent> switches = FXCollections.observableArrayList();
    private FrameSink frameSink = FrameSink.DISCARD;
    private volatile StreamingClient client;
    private volatile EmulatedLink link;
    private volatile VideoInfo playingVideo;
    private SessionExport lastSession;

    /**
     * @param prompt asked when a server is seen for the first time (the trust dialog)
     */
    public PlayerViewModel(AppContext context, FirstContactPrompt prompt) {
        this(context, (h, p) -> ServerVerifier.trustOnFirstUse(context.workspace().configDir(), prompt));
    }

    /** With a chosen way to verify servers: tests pin the fingerprint. */
    public PlayerViewModel(AppContext context, BiFunction<String, Integer, ServerVerifier> verifierFactory) {
        this.context = context;
        this.verifierFactory = verifierFactory;
        var s = context.settings().get();
        host.set(s.host());
        port.set(String.valueOf(s.port()));
        adaptive.set(!STATIC.equals(s.playMode()));
        rendition.set(Rung.parse(s.rendition()).map(Rung::label).orElse(AUTO));
        policy.set(adaptivePolicies().contains(s.policy()) ? s.policy() : PolicyRegistry.DEFAULT);
        staticRung.set(Rung.parse(s.staticRung()).orElse(Rung.R720P).label());
        networkProfile.set(s.networkProfile());
        statsOverlay.set(s.statsOverlay());
        adaptive.addListener((o, was, now) -> adaptationChanged());
        rendition.addListener((o, was, now) -> adaptationChanged());
        policy.addListener((o, was, now) -> adaptationChanged());
        staticRung.addListener((o, was, now) -> adaptationChanged());
        networkProfile.addListener((o, was, now) -> networkProfileChanged());
        statsOverlay.addListener((o, was, now) -> context.settings().update(x -> x.withStatsOverlay(now)));
    }

    /** The policies the Adaptive mode can use (the static ones are what Static mode is for). */
    public static List<String> adaptivePolicies() {
        return PolicyRegistry.names().stream().filter(n -> !n.startsWith("static-")).toList();
    }

    /** "auto" then every rung. */
    public static List<String> renditionChoices() {
        List<String> choices = new ArrayList<>();
        choices.add(AUTO);
        for (Rung rung : Rung.values()) {
            choices.add(rung.label());
        }
        return choices;
    }

    /** "none" then the built-in profiles; a trace file is added as "trace:FILE". */
    public static List<String> networkProfileChoices() {
        List<String> choices = new ArrayList<>();
        choices.add(NO_NETWORK_PROFILE);
        NetworkProfiles.builtIn().stream().map(NetworkProfile::name).forEach(choices::add);
        return choices;
    }

    // ---- properties ----

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public ObservableList<VideoInfo> catalog() {
        return catalog;
    }

    public ObjectProperty<VideoInfo> selectedVideoProperty() {
        return selectedVideo;
    }

    public BooleanProperty adaptiveProperty() {
        return adaptive;
    }

    /** "auto" or a rung label: a manual lock that overrides either mode until released. */
    public StringProperty renditionProperty() {
        return rendition;
    }

    public StringProperty policyProperty() {
        return policy;
    }

    /** The rung Static mode holds. */
    public StringProperty staticRungProperty() {
        return staticRung;
    }

    public StringProperty networkProfileProperty() {
        return networkProfile;
    }

    public DoubleProperty positionSecondsProperty() {
        return positionSeconds;
    }

    public DoubleProperty durationSecondsProperty() {
        return durationSeconds;
    }

    /** The stats overlay's text, refreshed by {@link #refresh}. */
    public StringProperty statsProperty() {
        return stats;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty statsOverlayProperty() {
        return statsOverlay;
    }

    /** Goes up by one for every new connection, so the charts know to start afresh. */
    public ReadOnlyIntegerProperty sessionNumberProperty() {
        return sessionNumber;
    }

    public ObservableList<SwitchEvent> switches() {
        return switches;
    }

    public boolean isConnected() {
        return client != null;
    }

    public Optional<StreamingClient> currentClient() {
        return Optional.ofNullable(client);
    }

    /** The server address and trust already settled, for the comparison. */
    public Optional<Endpoint> endpoint() {
        StreamingClient current = client;
        if (current == null) {
            return Optional.empty();
        }
        String h = host.get().trim();
        int p = Integer.parseInt(port.get().trim());
        return Optional.of(new Endpoint(h, p, verifier(h, p)));
    }

    /** Where a connected player's server is and how it was verified. */
    public record Endpoint(String host, int port, ServerVerifier verifier) {
    }

    /** Where decoded frames go: the view's video pane. */
    public void setFrameSink(FrameSink sink) {
        this.frameSink = sink;
    }

    // ---- connecting ----

    public void connect() {
        connect(null, 0);
    }

    /** Connects; if {@code resume} is given, plays it at once from {@code resumeMicros}. */
    private void connect(VideoInfo resume, long resumeMicros) {
        if (phase.get() != Phase.DISCONNECTED) {
            return;
        }
        String h = host.get() == null ? "" : host.get().trim();
        int p;
        try {
            p = Integer.parseInt(port.get().trim());
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
        } catch (RuntimeException e) {
            context.notifier().error("Cannot connect", "The port must be a number from 1 to 65535, not '" + port.get() + "'.");
            return;
        }
        if (h.isEmpty()) {
            context.notifier().error("Cannot connect", "Enter the server's host name or address.");
            return;
        }
        context.settings().update(s -> s.withEndpoint(h, p));
        String profileName = networkProfile.get();
        ServerVerifier verifier = verifier(h, p);
        phase.set(Phase.CONNECTING);
        status.set("Connecting to " + h + ":" + p + (NO_NETWORK_PROFILE.equals(profileName) ? "" : " through the " + profileName + " link") + "…");
        int session = sessionNumber.get() + 1;
        context.background().execute(() -> {
            EmulatedLink newLink = null;
            StreamingClient newClient = null;
            try {
                ClientConfig config = ClientConfig.of(h, p, verifier).withClientName("AdaptiveStream desktop");
                if (!NO_NETWORK_PROFILE.equals(profileName)) {
                    newLink = NetworkLab.start(new InetSocketAddress(h, p), NetworkProfiles.byName(profileName));
                    config = config.via(newLink.localAddress());
                }
                newClient = StreamingClient.connect(config, new ListenerFor(session));
                List<VideoInfo> videos = newClient.catalog();
                StreamingClient connected = newClient;
                EmulatedLink connectedLink = newLink;
                context.fx().execute(() -> connected(connected, connectedLink, videos, session, resume, resumeMicros));
            } catch (ServerCertificateChangedException e) {
                failedToConnect(newClient, newLink, "Refused: the server's certificate has changed", e.getMessage());
            } catch (UntrustedServerException e) {
                failedToConnect(newClient, newLink, "Not connected: the server is not trusted", e.getMessage());
            } catch (IOException | RuntimeException e) {
                // Through the link emulator, a server that is not there shows only as the link
                // dropping us: ask the server's address directly to say what is really wrong.
                Exception cause = newLink != null ? ConnectFailure.reachable(h, p).<Exception>map(x -> x).orElse(e) : e;
                failedToConnect(newClient, newLink, "Cannot connect to " + h + ":" + p, ConnectFailure.describe(cause, h, p));
            }
        });
    }

    private synchronized ServerVerifier verifier(String h, int p) {
        // One verifier per server, so "trust once" holds for reconnects and the comparison.
        return verifiers.computeIfAbsent(h + ":" + p, k -> verifierFactory.apply(h, p));
    }

    private void connected(StreamingClient newClient, EmulatedLink newLink, List<VideoInfo> videos, int session,
                           VideoInfo resume, long resumeMicros) {
        client = newClient;
        lastSession = null;
        link = newLink;
        sessionNumber.set(session);
        switches.clear();
        phase.set(Phase.CONNECTED);
        status.set("Connected to " + newClient.serverName() + " (" + videos.size() + " video(s))");
        catalog.setAll(videos);
        String last = context.settings().get().lastVideo();
        VideoInfo choice = videos.stream().filter(v -> v.id().equals(resume == null ? last : resume.id())).findFirst()
                .orElse(videos.isEmpty() ? null : videos.get(0));
        selectedVideo.set(choice);
        applyAdaptation();
        if (resume != null && choice != null && choice.id().equals(resume.id())) {
            play();
            if (resumeMicros > 0) {
                StreamingClient c = newClient;
                context.background().execute(() -> quietly(() -> c.seek(resumeMicros)));
            }
        }
    }

    private void failedToConnect(StreamingClient newClient, EmulatedLink newLink, String title, String message) {
        if (newClient != null) {
            newClient.close();
        }
        if (newLink != null) {
            newLink.close();
        }
        context.fx().execute(() -> {
            phase.set(Phase.DISCONNECTED);
            status.set(title);
            context.notifier().error(title, message);
        });
    }

    public void disconnect() {
        StreamingClient current = client;
        EmulatedLink currentLink = link;
        detach();
        status.set("Disconnected");
        context.background().execute(() -> closeQuietly(current, currentLink));
    }

    private void detach() {
        if (client != null) {
            // The session stays exportable after it ends, until the next one starts.
            lastSession = new SessionExport(client.metrics(), exportHeader());
        }
        client = null;
        link = null;
        playingVideo = null;
        phase.set(Phase.DISCONNECTED);
        catalog.clear();
        positionSeconds.set(0);
        durationSeconds.set(0);
        stats.set("");
    }

    private static void closeQuietly(StreamingClient c, EmulatedLink l) {
        if (c != null) {
            c.close();
        }
        if (l != null) {
            l.close();
        }
    }

    // ---- playback ----

    public void play() {
        StreamingClient current = client;
        VideoInfo video = selectedVideo.get();
        if (current == null || video == null) {
            return;
        }
        if (phase.get() == Phase.PAUSED && video.equals(playingVideo)) {
            togglePause();
            return;
        }
        Rung first = Rung.parse(rendition.get()).orElse(adaptive.get() ? Rung.R480P : heldRung());
        FrameSink sink = frameSink;
        playingVideo = video;
        durationSeconds.set(video.durationMicros() / 1e6);
        phase.set(Phase.PLAYING);
        status.set("Playing " + video.id());
        context.settings().update(s -> s.withLastVideo(video.id()));
        context.background().execute(() -> command(() -> current.play(video, first, true, sink), "Cannot play " + video.id()));
    }

    /** Space: pause when playing, resume when paused, play when stopped. */
    public void togglePause() {
        StreamingClient current = client;
        if (current == null) {
            return;
        }
        switch (phase.get()) {
            case PLAYING -> {
                phase.set(Phase.PAUSED);
                context.background().execute(() -> command(current::pause, "Cannot pause"));
            }
            case PAUSED -> {
                phase.set(Phase.PLAYING);
                context.background().execute(() -> command(current::resume, "Cannot resume"));
            }
            case CONNECTED -> play();
            default -> {
            }
        }
    }

    public void stop() {
        StreamingClient current = client;
        if (current == null || playingVideo == null) {
            return;
        }
        playingVideo = null;
        phase.set(Phase.CONNECTED);
        positionSeconds.set(0);
        status.set("Stopped");
        context.background().execute(() -> command(current::stop, "Cannot stop"));
    }

    /** Seeks to a fraction of the video; playback restarts at the keyframe at or before it. */
    public void seek(double fraction) {
        StreamingClient current = client;
        VideoInfo video = playingVideo;
        if (current == null || video == null) {
            return;
        }
        long target = (long) (Math.max(0, Math.min(1, fraction)) * video.durationMicros());
        positionSeconds.set(target / 1e6);
        context.background().execute(() -> command(() -> current.seek(target), "Cannot seek"));
    }

    private interface NetworkCommand {
        void run() throws IOException;
    }

    private void command(NetworkCommand command, String failure) {
        try {
            command.run();
        } catch (IOException | RuntimeException e) {
            context.fx().execute(() -> context.notifier().error(failure, Format.failure(e)));
        }
    }

    private static void quietly(NetworkCommand command) {
        try {
            command.run();
        } catch (IOException | RuntimeException e) {
            // best effort: the client reports a lost connection itself
        }
    }

    // ---- adaptation ----

    /** S: flips between Static and Adaptive. */
    public void toggleStaticAdaptive() {
        adaptive.set(!adaptive.get());
    }

    /** 1–4: locks a rung; A: back to automatic. */
    public void overrideRendition(Optional<Rung> rung) {
        rendition.set(rung.map(Rung::label).orElse(AUTO));
    }

    private void adaptationChanged() {
        if (!adaptive.get() && rendition.get().equals(AUTO)) {
            // Going static with no rung chosen holds what is on screen.
            StreamingClient current = client;
            if (current != null) {
                current.shownRung().map(Rung::label).ifPresent(staticRung::set);
            }
        }
        context.settings().update(s -> s.withPlayback(adaptive.get() ? ADAPTIVE : STATIC, rendition.get(), policy.get(),
                staticRung.get(), networkProfile.get()));
        applyAdaptation();
    }

    private Rung heldRung() {
        return Rung.parse(staticRung.get()).orElse(Rung.R720P);
    }

    /** Tells the client's controller the mode, policy and lock now chosen; takes effect at the next control tick. */
    private void applyAdaptation() {
        StreamingClient current = client;
        if (current == null) {
            return;
        }
        AdaptationController controller = current.adaptation();
        controller.usePolicy(PolicyRegistry.create(adaptive.get() ? policy.get() : "static-" + heldRung().label()));
        Optional<Rung> locked = Rung.parse(rendition.get());
        if (locked.isPresent()) {
            controller.lock(locked.get());
        } else {
            controller.release();
        }
        status.set(describeAdaptation());
    }

    public String describeAdaptation() {
        String mode = adaptive.get() ? "Adaptive (" + policy.get() + ")" : "Static " + heldRung().label();
        return AUTO.equals(rendition.get()) ? mode : mode + ", locked to " + rendition.get();
    }

    private void networkProfileChanged() {
        context.settings().update(s -> s.withPlayback(adaptive.get() ? ADAPTIVE : STATIC, rendition.get(), policy.get(),
                staticRung.get(), networkProfile.get()));
        StreamingClient current = client;
        if (current == null) {
            return;
        }
        // The link sits between client and server, so a new profile means a new connection;
        // playback resumes where it was.
        VideoInfo resume = playingVideo;
        long at = current.positionMicros();
        EmulatedLink currentLink = link;
        detach();
        context.background().execute(() -> {
            closeQuietly(current, currentLink);
            context.fx().execute(() -> connect(resume, at));
        });
    }

    // ---- live figures ----

    /** Updates the position and the stats overlay; the view calls this a few times a second. */
    public void refresh() {
        StreamingClient current = client;
        if (current == null) {
            return;
        }
        if (playingVideo != null) {
            positionSeconds.set(current.positionMicros() / 1e6);
        }
        stats.set(StatsText.of(current.metrics(), current.sessionSeconds(), current.shownRung()));
    }

    // ---- exports ----

    /**
     * Writes the session's metrics, as JSON (a header, the summary and every series) or CSV (one
     * row per sample), in the background; the notifier says where it went or why it did not.
     */
    public void exportMetrics(Path chosen, boolean json) {
        Path file = ExportFile.withExtension(chosen, json ? "json" : "csv");
        StreamingClient current = client;
        SessionExport session = current != null ? new SessionExport(current.metrics(), exportHeader()) : lastSession;
        if (session == null) {
            context.notifier().error("Nothing to export", "Connect and play first: there are no metrics yet.");
            return;
        }
        context.background().execute(() -> {
            try {
                session.write(file, json);
                context.fx().execute(() -> context.notifier().info("Metrics written to " + file));
            } catch (IOException | RuntimeException e) {
                context.fx().execute(() -> context.notifier().error("Cannot write " + file.getFileName(), Format.failure(e)));
            }
        });
    }

    /** What the JSON export says about the session besides its measurements. */
    private Map<String, Object> exportHeader() {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("host", host.get());
        header.put("port", port.get());
        header.put("video", playingVideo == null ? "" : playingVideo.id());
        header.put("mode", describeAdaptation());
        header.put("network", networkProfile.get());
        return header;
    }

    /** Closes the connection and the link; blocks briefly. For the window closing. */
    public void dispose() {
        StreamingClient current = client;
        EmulatedLink currentLink = link;
        client = null;
        link = null;
        closeQuietly(current, currentLink);
    }

    /** The client's events, handed to the FX thread; events from a connection since replaced are ignored. */
    private final class ListenerFor implements ClientListener {
        private final int session;

        ListenerFor(int session) {
            this.session = session;
        }

        private boolean current() {
            return sessionNumber.get() == session && client != null;
        }

        @Override
        public void stateChanged(ClientState state, String detail) {
            context.fx().execute(() -> {
                if (!current()) {
                    return;
                }
                switch (state) {
                    case RECONNECTING -> status.set("Connection lost, reconnecting: " + detail);
                    case CLOSED -> {
                        if (!"closed".equals(detail)) {
                            StreamingClient dead = client;
                            EmulatedLink deadLink = link;
                            detach();
                            status.set("Disconnected: " + detail);
                            context.notifier().error("Disconnected from the server", detail);
                            context.background().execute(() -> closeQuietly(dead, deadLink));
                        }
                    }
                    case ENDED -> {
                        phase.set(Phase.CONNECTED);
                        status.set("End of video");
                    }
                    case PLAYING -> status.set(detail);
                    default -> {
                    }
                }
            });
        }

        @Override
        public void switched(SwitchEvent event) {
            context.fx().execute(() -> {
                if (current()) {
                    switches.add(event);
                    status.set(String.format(Locale.ROOT, "Switched %s → %s: %s", event.from(), event.to(), event.reason()));
                }
            });
        }

        @Override
        public void error(String message) {
            context.fx().execute(() -> {
                if (current()) {
                    context.notifier().error("Client", message);
                }
            });
        }
    }
}
