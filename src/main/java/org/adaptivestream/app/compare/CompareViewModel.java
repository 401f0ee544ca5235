package org.adaptivestream.app.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.adaptivestream.adaptation.Ladder;
import org.adaptivestream.adaptation.PolicyRegistry;
import org.adaptivestream.app.AppContext;
import org.adaptivestream.app.ExportFile;
import org.adaptivestream.app.Format;
import org.adaptivestream.app.Settings;
import org.adaptivestream.app.player.PlayerViewModel;
import org.adaptivestream.app.player.StatsText;
import org.adaptivestream.client.ClientConfig;
import org.adaptivestream.client.ClientListener;
import org.adaptivestream.client.FrameSink;
import org.adaptivestream.client.StreamingClient;
import org.adaptivestream.media.Rung;
import org.adaptivestream.metrics.MetricsExport;
import org.adaptivestream.netlab.EmulatedLink;
import org.adaptivestream.netlab.NetworkLab;
import org.adaptivestream.netlab.NetworkProfile;
import org.adaptivestream.netlab.NetworkProfiles;
import org.adaptivestream.netlab.TraceClock;
import org.adaptivestream.protocol.RenditionInfo;
import org.adaptivestream.protocol.VideoInfo;

/**
 * Static against adaptive, under the same network: two players on the same video, each behind
 * its own emulated link, both links replaying the same profile on one shared trace clock so
 * they see the same capacity at the same moment. Left holds one rung, right adapts. After the
 * chosen time both stop and their summaries are scored.
 *
 * <p>Properties on the FX thread; the run itself on the background executor.
 */
public final class CompareViewModel {

    /** Used when the player has no network profile: a clear drop that adaptation must answer. */
    public static final String DEFAULT_PROFILE = "step-down";
    private static final long PROGRESS_PERIOD_MILLIS = 250;

    private final AppContext context;
    private final PlayerViewModel.Endpoint endpoint;
    private final VideoInfo video;
    private final IntegerProperty seconds = new SimpleIntegerProperty();
    private final StringProperty staticRung = new SimpleStringProperty();
    private final StringProperty policy = new SimpleStringProperty();
    private final StringProperty network = new SimpleStringProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty leftStats = new SimpleStringProperty("");
    private final StringProperty rightStats = new SimpleStringProperty("");
    private final ObjectProperty<ComparisonResult> result = new SimpleObjectProperty<>();
    private volatile boolean cancelled;
    private volatile boolean disposed;

    public CompareViewModel(AppContext context, PlayerViewModel.Endpoint endpoint, VideoInfo video,
                            String playerProfile, String playerPolicy, String playerStaticRung) {
        this.context = context;
        this.endpoint = endpoint;
        this.video = video;
        seconds.set(context.settings().get().compareSeconds());
        staticRung.set(playerStaticRung);
        policy.set(playerPolicy);
        network.set(PlayerViewModel.NO_NETWORK_PROFILE.equals(playerProfile) ? DEFAULT_PROFILE : playerProfile);
        seconds.addListener((o, was, now) -> context.settings().update(s -> s.withCompareSeconds(now.intValue())));
    }

    public VideoInfo video() {
        return video;
    }

    public IntegerProperty secondsProperty() {
        return seconds;
    }

    public StringProperty staticRungProperty() {
        return staticRung;
    }

    public StringProperty policyProperty() {
        return policy;
    }

    public StringProperty networkProperty() {
        return network;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty leftStatsProperty() {
        return leftStats;
    }

    public StringProperty rightStatsProperty() {
        return rightStats;
    }

    public ObjectProperty<ComparisonResult> resultProperty() {
        return result;
    }

    public String staticLabel() {
        return "static " + staticRung.get();
    }

    public String adaptiveLabel() {
        return "adaptive (" + policy.get() + ")";
    }

    /** Runs the comparison; frames of the left (static) and right (adaptive) players go to the sinks. */
    public void start(FrameSink left, FrameSink right) {
        if (running.get()) {
            return;
        }
        int runSeconds = Math.max(Settings.MIN_COMPARE_SECONDS, Math.min(Settings.MAX_COMPARE_SECONDS, seconds.get()));
        Rung held = Rung.parse(staticRung.get()).orElse(Rung.R720P);
        String adaptivePolicy = policy.get();
        String profileName = network.get();
        String staticName = staticLabel();
        String adaptiveName = adaptiveLabel();
        cancelled = false;
        running.set(true);
        progress.set(0);
        result.set(null);
        status.set("Starting two links (" + profileName + ") and two players…");
        context.background().execute(() -> {
            List<AutoCloseable> opened = new ArrayList<>();
            try {
                NetworkProfile profile = NetworkProfiles.byName(profileName);
                InetSocketAddress server = new InetSocketAddress(endpoint.host(), endpoint.port());
                TraceClock clock = TraceClock.startingNow();
                EmulatedLink leftLink = NetworkLab.start(server, profile, clock);
                opened.add(leftLink);
                EmulatedLink rightLink = NetworkLab.start(server, profile, clock);
                opened.add(rightLink);
                ClientConfig base = ClientConfig.of(endpoint.host(), endpoint.port(), endpoint.verifier()).withReconnect(false);
                StreamingClient staticClient = StreamingClient.connect(base.via(leftLink.localAddress())
                        .withClientName("compare: " + staticName), ClientListener.NONE);
                opened.add(0, staticClient);
                StreamingClient adaptiveClient = StreamingClient.connect(base.via(rightLink.localAddress())
                        .withClientName("compare: " + adaptiveName), ClientListener.NONE);
                opened.add(0, adaptiveClient);
                staticClient.adaptation().usePolicy(PolicyRegistry.create("static-" + held.label()));
                adaptiveClient.adaptation().usePolicy(PolicyRegistry.create(adaptivePolicy));
                staticClient.play(video, held, true, left);
                adaptiveClient.play(video, Rung.R480P, true, right);
                context.fx().execute(() -> status.set("Running for " + runSeconds + " s on " + profileName + "…"));
                long start = System.nanoTime();
                long end = start + runSeconds * 1_000_000_000L;
                while (System.nanoTime() < end && !cancelled && !disposed) {
                    Thread.sleep(PROGRESS_PERIOD_MILLIS);
                    double done = (System.nanoTime() - start) / (runSeconds * 1e9);
                    String l = StatsText.of(staticClient.metrics(), staticClient.sessionSeconds(), staticClient.shownRung());
                    String r = StatsText.of(adaptiveClient.metrics(), adaptiveClient.sessionSeconds(), adaptiveClient.shownRung());
                    context.fx().execute(() -> {
                        progress.set(Math.min(1, done));
                        leftStats.set(l);
                        rightStats.set(r);
                    });
                }
                if (cancelled || disposed) {
                    context.fx().execute(() -> finish("Cancelled.", null));
                    return;
                }
                // End playback before scoring: a picture still frozen at the end is a stall the score must see.
                for (StreamingClient c : List.of(staticClient, adaptiveClient)) {
                    try {
                        c.stop();
                    } catch (IOException lostConnection) {
                        // Stopped on our side all the same; the score is what was shown.
                    }
                }
                Ladder ladder = ladder(video);
                double gopSeconds = video.gopFrames() / video.framesPerSecond();
                ComparisonResult outcome = new ComparisonResult(video.id(), profileName, runSeconds,
                        side(staticName, staticClient, ladder, gopSeconds), side(adaptiveName, adaptiveClient, ladder, gopSeconds));
                context.fx().execute(() -> finish(outcome.verdict(), outcome));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                context.fx().execute(() -> finish("Interrupted.", null));
            } catch (IOException | RuntimeException e) {
                String why = Format.failure(e);
                context.fx().execute(() -> {
                    finish("Failed: " + why, null);
                    context.notifier().error("The comparison failed", why);
                });
            } finally {
                for (AutoCloseable c : opened) {
                    try {
                        c.close();
                    } catch (Exception ignored) {
                        // closing anyway
                    }
                }
            }
        });
    }

    private static ComparisonResult.Side side(String label, StreamingClient client, Ladder ladder, double gopSeconds) {
        var metrics = client.metrics();
        return new ComparisonResult.Side(label, metrics.summary(),
                QoeScore.of(metrics, ladder, gopSeconds), MetricsExport.toJsonTree(metrics));
    }

    static Ladder ladder(VideoInfo video) {
        List<Long> bitrates = new ArrayList<>();
        for (RenditionInfo rendition : video.renditions()) {
            bitrates.add(rendition.bitsPerSecond());
        }
        return new Ladder(bitrates);
    }

    private void finish(String message, ComparisonResult outcome) {
        running.set(false);
        status.set(message);
        if (outcome != null) {
            progress.set(1);
            result.set(outcome);
        }
    }

    public void cancel() {
        cancelled = true;
        status.set("Cancelling…");
    }

    /** Writes the result as JSON (setup, verdict, both sides' scores and series) or CSV (a row per figure). */
    public void export(Path chosen, boolean json) {
        Path file = ExportFile.withExtension(chosen, json ? "json" : "csv");
        ComparisonResult outcome = result.get();
        if (outcome == null) {
            return;
        }
        context.background().execute(() -> {
            try {
                if (json) {
                    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                            .writeValue(file.toFile(), outcome.toJsonTree());
                } else {
                    Files.writeString(file, outcome.toCsv());
                }
                context.fx().execute(() -> context.notifier().info("Comparison written to " + file));
            } catch (IOException | RuntimeException e) {
                context.fx().execute(() -> context.notifier().error("Cannot write " + file.getFileName(), Format.failure(e)));
            }
        });
    }

    /** Stops a run in progress; its clients and links close on the worker thread. */
    public void dispose() {
        disposed = true;
    }

    Optional<ComparisonResult> result() {
        return Optional.ofNullable(result.get());
    }
}
