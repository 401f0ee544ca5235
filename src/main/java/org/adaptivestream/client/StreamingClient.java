package org.adaptivestream.client;

import java.io.IOException;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.adaptivestream.adaptation.AdaptationController;
import org.adaptivestream.adaptation.Decision;
import org.adaptivestream.adaptation.FreezeShare;
import org.adaptivestream.adaptation.Ladder;
import org.adaptivestream.adaptation.PolicyInput;
import org.adaptivestream.adaptation.PolicyRegistry;
import org.adaptivestream.adaptation.StarvationClock;
import org.adaptivestream.adaptation.estimate.LinkEstimates;
import org.adaptivestream.media.CodecConfig;
import org.adaptivestream.media.EncodedPacket;
import org.adaptivestream.media.Rung;
import org.adaptivestream.metrics.ClockSample;
import org.adaptivestream.metrics.Metric;
import org.adaptivestream.metrics.SessionMetrics;
import org.adaptivestream.metrics.SwitchEvent;
import org.adaptivestream.protocol.Bye;
import org.adaptivestream.protocol.CatalogReply;
import org.adaptivestream.protocol.CatalogRequest;
import org.adaptivestream.protocol.ClientReport;
import org.adaptivestream.protocol.DropGop;
import org.adaptivestream.protocol.ErrorCode;
import org.adaptivestream.protocol.ErrorMessage;
import org.adaptivestream.protocol.Message;
import org.adaptivestream.protocol.Pause;
import org.adaptivestream.protocol.Ping;
import org.adaptivestream.protocol.Play;
import org.adaptivestream.protocol.Pong;
import org.adaptivestream.protocol.RenditionInfo;
import org.adaptivestream.protocol.Resume;
import org.adaptivestream.protocol.Seek;
import org.adaptivestream.protocol.ServerReport;
import org.adaptivestream.protocol.Stop;
import org.adaptivestream.protocol.SwitchRung;
import org.adaptivestream.protocol.VideoInfo;
import org.adaptivestream.protocol.VideoPacket;

/**
 * A streaming client: one verified TLS connection to a server, playing one video at a time.
 *
 * <p>Measures, decides, acts: the reader thread timestamps every packet and feeds the
 * estimators and the metrics; the control thread pings four times a second, samples the
 * metrics, and asks the {@link AdaptationController} for a rung, requesting a switch when the
 * answer changes; the playout thread decodes and shows frames on the playout clock.
 *
 * <p>A dropped connection is retried with backoff and playback resumes where it was. Public
 * methods are thread-safe and never wait on the network for long, except {@link #connect} and
 * {@link #catalog}, which block: call them off the GUI thread.
 */
public final class StreamingClient implements AutoCloseable {

    /** In-band pings: often enough to see queueing build within a GOP. */
    static final long CONTROL_PERIOD_MILLIS = 250;
    static final long CATALOG_TIMEOUT_SECONDS = 10;
    /** The jitter-adaptive playout delay never goes below this. */
    static final long MIN_PLAYOUT_DELAY_MICROS = 10_000;
    /** The smoothed RTT goes to the server (for its dashboard) every this many control ticks: once a second. */
    static final int CLIENT_REPORT_EVERY_TICKS = 4;

    private final ClientConfig config;
    private final ClientListener listener;
    private final SessionMetrics metrics = new SessionMetrics();
    private final AdaptationController adaptation = new AdaptationController(PolicyRegistry.create(PolicyRegistry.DEFAULT));
    private final long startMicros = micros();
    private final ScheduledExecutorService control;
    private final LinkMeasurements link = new LinkMeasurements(metrics, startMicros);
    /** Touched only by the control loop. */
    private final StarvationClock starvation = new StarvationClock();
    /** Touched only by the control loop. */
    private final FreezeShare freezes = new FreezeShare();
    private volatile ServerConnection connection;
    private volatile CompletableFuture<List<VideoInfo>> pendingCatalog;
    private volatile Playout playout;
    private volatile PlayRequest playing;
    private volatile Rung requestedRung;
    private volatile Rung arrivingRung;
    private volatile String pendingReason = "";
    private volatile OptionalDouble lastSwitchSeconds = OptionalDouble.empty();
    private volatile OptionalDouble lastStallEndSeconds = OptionalDouble.empty();
    private volatile ServerReport lastReport;
    private volatile ClientState state = ClientState.CONNECTED;
    private volatile boolean closed;
    private volatile boolean awaitingStart;
    private volatile long firstFrameMicros;
    private volatile long switchDecidedMicros;
    private final List<Double> switchLatenciesMillis = new java.util.concurrent.CopyOnWriteArrayList<>();
    private long lastFramesShown;
    private int stallsSeen;
    private int ticks;

    private record PlayRequest(VideoInfo video, boolean loop, FrameSink sink) {
    }

    private StreamingClient(ClientConfig config, ClientListener listener) {
        this.config = config;
        this.listener = listener;
        this.control = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "client-control");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Connects, verifies the server and says hello.
     *
     * @throws org.adaptivestream.security.UntrustedServerException if the server's certificate is refused
     * @throws IOException if the server cannot be reached or refuses us (the message says why)
     */
    public static StreamingClient connect(ClientConfig config, ClientListener listener) throws IOException {
        StreamingClient client = new StreamingClient(config, listener);
        // Loading FFmpeg's natives takes a few hundred milliseconds: overlap it with the handshake
        // (a no-op when the process warmed up at start: ClientWarmUp).
        ClientWarmUp.connecting();
        ClientWarmUp.startDecoder();
        client.connection = ServerConnection.open(config);
        client.startReader();
        client.control.scheduleAtFixedRate(client::tick, CONTROL_PERIOD_MILLIS, CONTROL_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        return client;
    }

    /** The server's videos. Blocks for the reply. */
    public List<VideoInfo> catalog() throws IOException {
        CompletableFuture<List<VideoInfo>> reply = new CompletableFuture<>();
        pendingCatalog = reply;
        send(new CatalogRequest());
        try {
            return reply.get(CATALOG_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException("no catalog: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("no catalog from the server within " + CATALOG_TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the catalog");
        }
    }

    /** Starts playing {@code video} from the start at {@code initialRung}; frames go to {@code sink}. */
    public void play(VideoInfo video, Rung initialRung, boolean loop, FrameSink sink) throws IOException {
        playFrom(video, 0, initialRung, loop, sink);
    }

    private synchronized void playFrom(VideoInfo video, long startMicros, Rung rung, boolean loop, FrameSink sink)
            throws IOException {
        Playout current = playout;
        if (current == null || playing == null || playing.sink != sink) {
            if (current != null) {
                current.close();
            }
            current = new Playout(metrics, sink, this::switchShown, this::frameShown,
                    (end, length) -> metrics.stalled(seconds(end), length / 1e6), MIN_PLAYOUT_DELAY_MICROS,
                    config.targetDelay().toNanos() / 1000);
            playout = current;
        }
        current.setFrameRate(video.framesPerSecond());
        current.discontinuity();
        link.restartInFlight();
        playing = new PlayRequest(video, loop, sink);
        requestedRung = rung;
        arrivingRung = rung;
        awaitingStart = true;
        send(new Play(video.id(), startMicros, rung, loop));
        // Capacity is measured once a round trip is known; the control loop's next ping may be a tick away.
        send(new Ping(micros()));
        setState(ClientState.PLAYING, "playing " + video.id());
    }

    public void pause() throws IOException {
        Playout current = playout;
        if (current != null && state == ClientState.PLAYING) {
            send(new Pause());
            current.pause();
            setState(ClientState.PAUSED, "paused");
        }
    }

    public void resume() throws IOException {
        Playout current = playout;
        if (current != null && state == ClientState.PAUSED) {
            current.resume();
            send(new Resume());
            setState(ClientState.PLAYING, "playing");
        }
    }

    /** Jumps to a media position; playback restarts at the keyframe at or before it. */
    public synchronized void seek(long positionMicros) throws IOException {
        Playout current = playout;
        if (current != null && playing != null) {
            current.discontinuity();
            link.restartInFlight();
            awaitingStart = true;
            send(new Seek(positionMicros));
        }
    }

    public synchronized void stop() throws IOException {
        if (playing != null) {
            try {
                send(new Stop());
            } finally {
                playout.discontinuity();
                playing = null;
                setState(ClientState.STOPPED, "stopped");
            }
        }
    }

    /** The policy and the manual lock; the GUI and command line change them here. */
    public AdaptationController adaptation() {
        return adaptation;
    }

    public SessionMetrics metrics() {
        return metrics;
    }

    public ClientState state() {
        return state;
    }

    /** Seconds since this client started: the time axis of its metrics. */
    public double sessionSeconds() {
        return (micros() - startMicros) / 1e6;
    }

    /** Media position of the frame on screen, in microseconds (wrapped for looping videos). */
    public long positionMicros() {
        Playout current = playout;
        PlayRequest request = playing;
        if (current == null || request == null || current.shownPts() < 0) {
            return 0;
        }
        return current.shownPts() % Math.max(1, request.video.durationMicros());
    }

    public Optional<VideoInfo> video() {
        PlayRequest request = playing;
        return request == null ? Optional.empty() : Optional.of(request.video);
    }

    /** The rung of the frame on screen, if any. */
    public Optional<Rung> shownRung() {
        Playout current = playout;
        return current == null ? Optional.empty() : Optional.ofNullable(current.shownRung());
    }

    public Optional<ServerReport> lastServerReport() {
        return Optional.ofNullable(lastReport);
    }

    public String serverName() {
        return connection.welcome().serverName();
    }

    // ---- reading ----

    private void startReader() {
        Thread reader = new Thread(this::readLoop, "client-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop() {
        while (!closed) {
            ServerConnection current = connection;
            try {
                Optional<Message> message;
                while ((message = current.in().read()).isPresent() && !closed) {
                    handle(message.get(), current);
                }
                if (!closed) {
                    lost("the server closed the connection");
                }
            } catch (IOException e) {
                if (!closed) {
                    lost(e instanceof SocketException ? "connection lost: " + e.getMessage() : e.getMessage());
                }
            } catch (RuntimeException e) {
                if (!closed) {
                    listener.error("client error: " + e);
                    lost("client error");
                }
            }
        }
    }

    private void handle(Message message, ServerConnection from) throws IOException {
        long arrival = micros();
        switch (message.type()) {
            case VIDEO_PACKET -> {
                VideoPacket packet = (VideoPacket) message;
                if (from.acknowledgesVideo()) {
                    // Before decoding: the server holds back what it sends on these.
                    from.acks().onPacket(packet.sequenceNumber(), arrival, from.out());
                }
                packet(packet, arrival);
            }
            case CODEC_CONFIG -> codecConfig((org.adaptivestream.protocol.CodecConfig) message);
            case PONG -> pong((Pong) message, arrival);
            case SERVER_REPORT -> lastReport = (ServerReport) message;
            case CATALOG_REPLY -> {
                CompletableFuture<List<VideoInfo>> reply = pendingCatalog;
                if (reply != null) {
                    reply.complete(((CatalogReply) message).videos());
                }
            }
            case END_OF_STREAM -> {
                setState(ClientState.ENDED, "end of video");
                listener.ended();
            }
            case ERROR -> {
                ErrorMessage error = (ErrorMessage) message;
                listener.error(error.text());
                CompletableFuture<List<VideoInfo>> reply = pendingCatalog;
                if (reply != null && !reply.isDone()) {
                    reply.completeExceptionally(new IOException(error.text()));
                }
                if (error.code() == ErrorCode.UNKNOWN_VIDEO) {
                    playing = null;
                    setState(ClientState.STOPPED, error.text());
                }
            }
            case BYE -> throw new IOException("the server said goodbye");
            default -> throw new IOException("unexpected " + message.type() + " from the server");
        }
    }

    private void codecConfig(org.adaptivestream.protocol.CodecConfig message) {
        Playout current = playout;
        if (current == null) {
            return;
        }
        arrivingRung = message.rung();
        current.configure(new CodecConfig(org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264, "h264",
                message.width(), message.height(), 1, 1_000_000, message.extradata()), message.rung());
        double now = sessionSeconds();
        if (!awaitingStart) {
            lastSwitchSeconds = OptionalDouble.of(now);
        }
        awaitingStart = false;
    }

    private void packet(VideoPacket packet, long arrival) {
        Playout current = playout;
        if (current == null || playing == null) {
            return;
        }
        // A packet sent before the server's clock is known has no send-to-shown latency either.
        OptionalLong sent = link.onPacket(packet.serverSendMicros(), arrival, packet.data().length);
        current.enqueue(EncodedPacket.of(packet.ptsMicros(), packet.dtsMicros(), packet.keyframe(), packet.data()),
                packet.rung(), arrival, sent.orElse(Playout.UNTIMED));
    }

    private void pong(Pong pong, long arrival) {
        link.onPong(new ClockSample(pong.clientSendMicros(), pong.serverReceiveMicros(), pong.serverSendMicros(), arrival));
    }

    // ---- control: ping, sample, decide ----

    private void tick() {
        try {
            if (closed || state == ClientState.RECONNECTING) {
                return;
            }
            send(new Ping(micros()));
            acknowledgeOwed();
            if (++ticks % CLIENT_REPORT_EVERY_TICKS == 0) {
                report();
            }
            sample();
            adapt();
        } catch (IOException e) {
            // The reader notices a dead connection and reconnects; nothing to do here.
        } catch (RuntimeException e) {
            listener.error("control loop: " + e);
        }
    }

    private void acknowledgeOwed() throws IOException {
        ServerConnection current = connection;
        if (current != null && current.acknowledgesVideo()) {
            current.acks().sendOwed(micros(), current.out());
        }
    }

    /** Tells a server that speaks version 2 or later our smoothed RTT, once we have one. */
    private void report() throws IOException {
        ServerConnection current = connection;
        if (current == null || current.welcome().version() < ClientReport.SINCE_VERSION) {
            return;
        }
        OptionalDouble rtt = smoothedRttSeconds();
        if (rtt.isPresent()) {
            send(new ClientReport(Math.max(0, Math.round(rtt.getAsDouble() * 1e6))));
        }
    }

    /** The smoothed in-band RTT in seconds, as reported to the server; empty before the first few pongs. */
    public OptionalDouble smoothedRttSeconds() {
        return link.estimates(sessionSeconds()).rttSeconds();
    }

    private void sample() {
        double now = sessionSeconds();
        double period = CONTROL_PERIOD_MILLIS / 1000.0;
        link.closePeriod(now, period);
        Playout current = playout;
        PlayRequest request = playing;
        if (current == null || request == null || state != ClientState.PLAYING) {
            return;
        }
        metrics.record(Metric.BUFFER, now, current.bufferMicros() / 1000.0);
        long shown = metrics.framesDecoded() - metrics.framesDropped();
        metrics.record(Metric.FPS, now, (shown - lastFramesShown) / period);
        lastFramesShown = shown;
        Rung rung = current.shownRung();
        if (rung != null) {
            metrics.record(Metric.RESOLUTION, now, rung.height());
            metrics.record(Metric.RUNG_BITRATE, now, ladder(request.video).bitsPerSecond(rung) / 1e6);
        }
        if (metrics.stallCount() > stallsSeen) {
            stallsSeen = metrics.stallCount();
            lastStallEndSeconds = OptionalDouble.of(now);
        }
    }

    private void adapt() throws IOException {
        PlayRequest request = playing;
        Playout current = playout;
        Rung arriving = arrivingRung;
        Rung requested = requestedRung;
        if (request == null || current == null || arriving == null || requested == null || state != ClientState.PLAYING) {
            return;
        }
        double now = sessionSeconds();
        LinkEstimates estimates = link.estimates(now);
        Ladder ladder = ladder(request.video);
        double oneWay = estimates.rttMinSeconds().orElse(0) / 2;
        double inFlight = link.inFlightSeconds(now, oneWay);
        boolean stalled = current.isStalled(micros());
        PolicyInput input = new PolicyInput(now, estimates, current.bufferMicros() / 1e6,
                current.targetDelayMicros() / 1e6, current.absorbableMicros() / 1e6, inFlight,
                starvation.update(now, estimates, ladder), freezes.update(now, stalled, inFlight, lastSwitchSeconds),
                stalled, lastStallEndSeconds, arriving, requested, ladder, lastSwitchSeconds);
        Decision decision = adaptation.decide(input);
        ServerConnection server = connection;
        if (decision.dropNextGop() && server != null && server.dropsGops()) {
            send(new DropGop());
            link.dropAsked(now, oneWay, request.video.gopFrames() / request.video.framesPerSecond());
        }
        if (decision.rung() != requested) {
            requestedRung = decision.rung();
            pendingReason = decision.reason();
            switchDecidedMicros = micros();
            send(new SwitchRung(decision.rung()));
        }
    }

    private void frameShown(long nowMicros, long sentMicros) {
        if (firstFrameMicros == 0) {
            firstFrameMicros = nowMicros;
        }
        if (sentMicros != Playout.UNTIMED) {
            metrics.record(Metric.SEND_TO_SHOWN, seconds(nowMicros), (nowMicros - sentMicros) / 1000.0);
        }
    }

    /** Time from starting to connect to the first frame on screen; empty before the first frame. */
    public OptionalDouble connectToFirstFrameMillis() {
        long first = firstFrameMicros;
        return first == 0 ? OptionalDouble.empty() : OptionalDouble.of((first - startMicros) / 1000.0);
    }

    /** For every switch so far: milliseconds from the decision (the request sent) to the first frame of the new rung shown. */
    public List<Double> switchLatenciesMillis() {
        return List.copyOf(switchLatenciesMillis);
    }

    private void switchShown(Rung from, Rung to, long nowMicros) {
        String reason = to == requestedRung ? pendingReason : "server switched";
        long decided = switchDecidedMicros;
        if (to == requestedRung && decided != 0) {
            switchLatenciesMillis.add((nowMicros - decided) / 1000.0);
            switchDecidedMicros = 0;
        }
        SwitchEvent event = new SwitchEvent(seconds(nowMicros), from.label(), to.label(), reason);
        metrics.switched(event);
        listener.switched(event);
    }

    static Ladder ladder(VideoInfo video) {
        List<Long> bitrates = new ArrayList<>();
        for (RenditionInfo rendition : video.renditions()) {
            bitrates.add(rendition.bitsPerSecond());
        }
        return new Ladder(bitrates);
    }

    // ---- connection loss and reconnection ----

    private void lost(String why) {
        ServerConnection dead = connection;
        if (dead != null) {
            dead.closeQuietly();
        }
        if (!config.reconnect() || closed) {
            setState(ClientState.CLOSED, why);
            closed = true;
            return;
        }
        setState(ClientState.RECONNECTING, why);
        Backoff backoff = Backoff.start();
        while (!closed && !backoff.exhausted()) {
            try {
                Thread.sleep(backoff.delay().toMillis());
                connection = ServerConnection.open(config);
                resumeAfterReconnect();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (IOException e) {
                listener.error("reconnect attempt " + (backoff.attempt() + 1) + " failed: " + e.getMessage());
                backoff = backoff.next();
            }
        }
        closed = true;
        setState(ClientState.CLOSED, "gave up reconnecting: " + why);
    }

    private void resumeAfterReconnect() throws IOException {
        PlayRequest request = playing;
        link.restartJitter();
        if (request == null) {
            setState(ClientState.CONNECTED, "reconnected");
            return;
        }
        Rung rung = requestedRung != null ? requestedRung : Rung.lowest();
        playFrom(request.video, positionMicros(), rung, request.loop, request.sink);
        setState(ClientState.PLAYING, "reconnected; resumed at " + positionMicros() / 1000 + " ms");
    }

    private void send(Message message) throws IOException {
        ServerConnection current = connection;
        if (current == null || closed) {
            throw new IOException("not connected");
        }
        current.out().write(message);
    }

    private void setState(ClientState newState, String detail) {
        state = newState;
        listener.stateChanged(newState, detail);
    }

    /** Says goodbye, closes the connection and stops every thread. */
    @Override
    public void close() {
        if (closed && connection == null) {
            return;
        }
        closed = true;
        control.shutdownNow();
        ServerConnection current = connection;
        if (current != null) {
            try {
                current.out().write(new Bye());
            } catch (IOException ignored) {
                // leaving anyway
            }
            current.closeQuietly();
        }
        Playout current2 = playout;
        if (current2 != null) {
            current2.close();
        }
        try {
            control.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        setState(ClientState.CLOSED, "closed");
    }

    private double seconds(long micros) {
        return (micros - startMicros) / 1e6;
    }

    static long micros() {
        return System.nanoTime() / 1000;
    }
}
