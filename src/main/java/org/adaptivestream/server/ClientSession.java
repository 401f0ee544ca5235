package org.adaptivestream.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocket;
import org.adaptivestream.media.PreloadedVideo;
import org.adaptivestream.media.VideoId;
import org.adaptivestream.protocol.Bye;
import org.adaptivestream.protocol.CatalogReply;
import org.adaptivestream.protocol.ClientReport;
import org.adaptivestream.protocol.DropGop;
import org.adaptivestream.protocol.ErrorCode;
import org.adaptivestream.protocol.ErrorMessage;
import org.adaptivestream.protocol.Hello;
import org.adaptivestream.protocol.Message;
import org.adaptivestream.protocol.MessageReader;
import org.adaptivestream.protocol.MessageWriter;
import org.adaptivestream.protocol.Ping;
import org.adaptivestream.protocol.Play;
import org.adaptivestream.protocol.Pong;
import org.adaptivestream.protocol.ProtocolException;
import org.adaptivestream.protocol.ProtocolVersion;
import org.adaptivestream.protocol.Received;
import org.adaptivestream.protocol.Seek;
import org.adaptivestream.protocol.SwitchRung;
import org.adaptivestream.protocol.Welcome;
import org.adaptivestream.security.RecordBatch;
import org.adaptivestream.security.TlsHandshake;

/**
 * One client, from accept to close. Its own thread completes the TLS handshake and the hello
 * under one absolute deadline, then reads the client's requests; a {@link SessionSender}, run
 * by the server's shared {@link Pacer}, paces video once the client plays. Closing is idempotent and may come from any thread.
 */
final class ClientSession {

    private final long id;
    private final SSLSocket socket;
    private final RecordBatch batch;
    private final ServerConfig config;
    private final VideoCatalog catalog;
    private final ServerListener listener;
    private final ScheduledExecutorService scheduler;
    private final Pacer pacer;
    private final Consumer<ClientSession> onClosed;
    private final Instant connectedAt = Instant.now();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread reader;
    private volatile MessageWriter writer;
    private volatile SessionSender sender;
    private volatile String clientName = "";
    private volatile String state = "handshake";
    private volatile long writeStartedNanos;
    private volatile int negotiatedVersion;
    private volatile long clientRttMicros = SessionInfo.NO_RTT;
    /** Counts video packets across every play of this session, so the client can spot gaps. */
    final AtomicLong nextSequence = new AtomicLong();
    /** Video bytes written across every play of this session. */
    final AtomicLong bytesSentTotal = new AtomicLong();

    ClientSession(long id, SSLSocket socket, RecordBatch batch, ServerConfig config, VideoCatalog catalog,
                  ServerListener listener, ScheduledExecutorService scheduler, Pacer pacer,
                  Consumer<ClientSession> onClosed) {
        this.id = id;
        this.socket = socket;
        this.batch = batch;
        this.config = config;
        this.catalog = catalog;
        this.listener = listener;
        this.scheduler = scheduler;
        this.pacer = pacer;
        this.onClosed = onClosed;
        this.reader = StreamingServer.daemon(this::run, "session-" + id);
    }

    long id() {
        return id;
    }

    void start() {
        reader.start();
    }

    private void run() {
        String reason = "client left";
        try {
            MessageReader in = open();
            if (in == null) {
                return;
            }
            reason = serve(in);
        } catch (ProtocolException e) {
            reason = "protocol violation: " + e.getMessage();
            tryTell(ErrorCode.PROTOCOL_VIOLATION, e.getMessage());
        } catch (SocketTimeoutException e) {
            reason = "idle for " + config.idleTimeout().toSeconds() + " s";
            tryTell(ErrorCode.PROTOCOL_VIOLATION, "idle for " + config.idleTimeout().toSeconds() + " s: closing");
        } catch (IOException e) {
            reason = closed.get() ? "closed" : "connection lost: " + e.getMessage();
        } catch (RuntimeException e) {
            reason = "internal error: " + e;
            tryTell(ErrorCode.INTERNAL_ERROR, "internal error; see the server log");
        } finally {
            close(reason);
        }
    }

    /** Handshake and hello within one absolute deadline; null if the client did not make it. */
    private MessageReader open() throws IOException {
        long deadlineNanos = System.nanoTime() + config.handshakeDeadline().toNanos();
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = scheduler.schedule(() -> {
            expired.set(true);
            StreamingServer.closeQuietly(socket);
        }, config.handshakeDeadline().toNanos(), TimeUnit.NANOSECONDS);
        try {
            TlsHandshake.complete(socket, config.handshakeDeadline());
            InputStream input = socket.getInputStream();
            writer = new MessageWriter(socket.getOutputStream());
            MessageReader in = new MessageReader(input, config.maxFrameBytes());
            socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())));
            Optional<Message> first = in.read();
            if (first.isEmpty() || !(first.get() instanceof Hello hello)) {
                tryTell(ErrorCode.PROTOCOL_VIOLATION, "the first message must be HELLO");
                refused("did not start with HELLO");
                return null;
            }
            OptionalInt version = ProtocolVersion.negotiate(hello);
            if (version.isEmpty()) {
                tryTell(ErrorCode.UNSUPPORTED_VERSION, "this server speaks protocol versions " + ProtocolVersion.OLDEST_SUPPORTED
                        + ".." + ProtocolVersion.CURRENT + "; the client offered " + hello.minVersion() + ".." + hello.maxVersion());
                refused("no common protocol version");
                return null;
            }
            deadline.cancel(false);
            if (expired.get()) {
                refused("handshake deadline passed");
                return null;
            }
            clientName = hello.clientName();
            negotiatedVersion = version.getAsInt();
            socket.setSoTimeout((int) config.idleTimeout().toMillis());
            send(new Welcome(version.getAsInt(), config.serverName(), id));
            state = "connected";
            listener.sessionOpened(info());
            return in;
        } catch (IOException e) {
            // Past the deadline either timer may act first: ours closes the socket, the handshake's
            // own watchdog (same deadline) and the Hello read's timeout throw SocketTimeoutException.
            boolean late = expired.get() || e instanceof SocketTimeoutException;
            refused(late ? "no handshake within " + config.handshakeDeadline().toMillis() + " ms" : "handshake failed: " + e.getMessage());
            return null;
        } finally {
            deadline.cancel(false);
        }
    }

    private void refused(String why) {
        state = "refused";
        listener.connectionRefused(remote(), why);
        closed.set(true);
        StreamingServer.closeQuietly(socket);
        onClosed.accept(this);
    }

    /** Answers requests until the client says bye or leaves; returns why the session ended. */
    private String serve(MessageReader in) throws IOException {
        while (!closed.get()) {
            Optional<Message> next = in.read();
            if (next.isEmpty()) {
                return "client closed the connection";
            }
            Message message = next.get();
            switch (message.type()) {
                case PING -> {
                    long received = micros();
                    send(new Pong(((Ping) message).clientSendMicros(), received, micros()));
                }
                case CLIENT_REPORT -> {
                    if (negotiatedVersion < ClientReport.SINCE_VERSION) {
                        return tooNew(message, ClientReport.SINCE_VERSION);
                    }
                    clientRttMicros = ((ClientReport) message).smoothedRttMicros();
                }
                case RECEIVED -> {
                    if (negotiatedVersion < Received.SINCE_VERSION) {
                        return tooNew(message, Received.SINCE_VERSION);
                    }
                    SessionSender current = sender;
                    if (current != null) {
                        current.acknowledged(((Received) message).sequence());
                    }
                }
                case CATALOG_REQUEST -> send(new CatalogReply(catalog.videos()));
                case PLAY -> play((Play) message);
                case SWITCH_RUNG -> withSender(s -> s.requestRung(((SwitchRung) message).rung()));
                case DROP_GOP -> {
                    if (negotiatedVersion < DropGop.SINCE_VERSION) {
                        return tooNew(message, DropGop.SINCE_VERSION);
                    }
                    withSender(SessionSender::dropNextGop);
                }
                case PAUSE -> withSender(SessionSender::pause);
                case RESUME -> withSender(SessionSender::resume);
                case SEEK -> withSender(s -> s.seek(((Seek) message).positionMicros()));
                case STOP -> stopSender("stopped");
                case BYE -> {
                    return "client said bye";
                }
                default -> {
                    tryTell(ErrorCode.PROTOCOL_VIOLATION, message.type() + " is not a client request here");
                    return "protocol violation: unexpected " + message.type();
                }
            }
        }
        return "closed";
    }

    /** Refuses a message this session's protocol version does not have; returns why the session ends. */
    private String tooNew(Message message, int sinceVersion) {
        tryTell(ErrorCode.PROTOCOL_VIOLATION, message.type() + " needs protocol version " + sinceVersion
                + "; this session speaks " + negotiatedVersion);
        return "protocol violation: " + message.type() + " in a version " + negotiatedVersion + " session";
    }

    /** Whether the client acknowledges video ({@link Received}), so the sender can keep little in flight. */
    boolean acknowledgesVideo() {
        return negotiatedVersion >= Received.SINCE_VERSION;
    }

    private void play(Play play) throws IOException {
        if (!VideoId.isValid(play.videoId())) {
            send(new ErrorMessage(ErrorCode.UNKNOWN_VIDEO, "'" + play.videoId() + "' is not a valid video id"));
            return;
        }
        Optional<PreloadedVideo> video = catalog.find(play.videoId());
        if (video.isEmpty()) {
            send(new ErrorMessage(ErrorCode.UNKNOWN_VIDEO, "no video '" + play.videoId() + "' on this server"));
            return;
        }
        stopSender(null);
        SessionSender started = new SessionSender(this, new PlaybackCursor(video.get(), play.initialRung(),
                play.loop(), play.startMicros(), micros()), config, pacer);
        sender = started;
        state = "playing";
        started.start();
        event("plays " + play.videoId() + " from " + play.startMicros() / 1000 + " ms at " + play.initialRung()
                + (play.loop() ? ", looping" : ""));
    }

    private interface SenderAction {
        void apply(SessionSender sender);
    }

    private void withSender(SenderAction action) throws IOException {
        SessionSender current = sender;
        if (current == null) {
            send(new ErrorMessage(ErrorCode.INVALID_REQUEST, "nothing is playing: send PLAY first"));
            return;
        }
        action.apply(current);
    }

    private void stopSender(String why) {
        SessionSender current = sender;
        sender = null;
        if (current != null) {
            current.stop();
            if (why != null) {
                state = "connected";
                event(why);
            }
        }
    }

    /**
     * Writes one message, its TLS records in one system call ({@link RecordBatch}), timing it so a
     * client that stopped reading can be detected.
     */
    void send(Message message) throws IOException {
        synchronized (batch) {
            writeStartedNanos = System.nanoTime();
            batch.begin();
            try {
                writer.write(message);
            } finally {
                try {
                    batch.end();
                } finally {
                    writeStartedNanos = 0;
                }
            }
        }
    }

    /**
     * A write is blocked on this socket: SSLSocket.close() would wait for that write's lock to
     * send close_notify, that is for ever, and hang the closing thread (the shared deadline
     * scheduler, for a stalled client). With SO_LINGER 0 it gives up the lock at once and resets.
     */
    private void resetOnClose() {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException | RuntimeException ignored) {
            // already closed
        }
    }

    /**
     * Closes a client whose write has been blocked for longer than the write-stall timeout. A
     * client that acknowledges video never gets that far: its sender holds back long before the
     * socket buffers fill, and holding costs nothing, so it is not closed for that. A dead link
     * with the client still pinging keeps its session; a client silent altogether meets the idle
     * timeout.
     */
    void closeIfWriteStalled(long nowNanos) {
        long started = writeStartedNanos;
        if (started != 0 && nowNanos - started > config.writeStallTimeout().toNanos()) {
            resetOnClose();
            close("stopped reading: a write was blocked for over " + config.writeStallTimeout().toSeconds() + " s");
        }
    }

    private void tryTell(ErrorCode code, String text) {
        if (writer == null || closed.get()) {
            return;
        }
        // Bounded: a client that does not read gets closed by the write-stall check instead.
        try {
            send(new ErrorMessage(code, text));
        } catch (IOException ignored) {
            // the client is gone; there is no one left to tell
        }
    }

    void event(String what) {
        listener.sessionEvent(info(), what);
    }

    /** Closes the session once, whoever asks first. */
    void close(String reason) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        state = "closed";
        SessionSender current = sender;
        if (current != null) {
            current.stop();
        }
        if (writeStartedNanos != 0) {
            resetOnClose();
        }
        StreamingServer.closeQuietly(socket);
        onClosed.accept(this);
        listener.sessionClosed(info(), reason);
    }

    /** Server shutdown: a goodbye the client can read if it is listening, then close; returns the thread doing it. */
    Thread shutDown() {
        ScheduledFuture<?> bound = scheduler.schedule(() -> close("server shut down"), 500, TimeUnit.MILLISECONDS);
        Thread goodbye = StreamingServer.daemon(() -> {
            try {
                stopSender(null);
                if (writer != null && !closed.get()) {
                    send(new ErrorMessage(ErrorCode.SHUTTING_DOWN, "the server is shutting down"));
                    send(new Bye());
                }
            } catch (IOException | RuntimeException ignored) {
                // closing anyway
            } finally {
                bound.cancel(false);
                close("server shut down");
            }
        }, "session-" + id + "-shutdown");
        goodbye.start();
        return goodbye;
    }

    void awaitTermination(long deadlineNanos) {
        StreamingServer.join(reader, deadlineNanos);
        SessionSender current = sender;
        if (current != null) {
            current.awaitTermination(deadlineNanos);
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Handshakes with a client only to tell it why it is refused; bounded by a short deadline. */
    static void tellAndClose(SSLSocket socket, ErrorCode code, String text, ScheduledExecutorService scheduler) {
        ScheduledFuture<?> bound = scheduler.schedule(() -> StreamingServer.closeQuietly(socket), 2, TimeUnit.SECONDS);
        try {
            TlsHandshake.complete(socket, Duration.ofSeconds(2));
            MessageWriter out = new MessageWriter(socket.getOutputStream());
            out.write(new ErrorMessage(code, text));
            out.write(new Bye());
        } catch (IOException ignored) {
            // it did not want to hear it
        } finally {
            bound.cancel(false);
            StreamingServer.closeQuietly(socket);
        }
    }

    SessionInfo info() {
        SessionSender current = sender;
        SessionSender.Stats stats = current == null ? SessionSender.Stats.NONE : current.stats();
        return new SessionInfo(id, remote(), clientName, stats.video(), stats.rung() == null ? "" : stats.rung().label(),
                stats.bitsPerSecond(), nextSequence.get(), bytesSentTotal.get(), stats.gopsSkipped(),
                stats.queuedPackets(), clientRttMicros, connectedAt, state);
    }

    private String remote() {
        return String.valueOf(socket.getRemoteSocketAddress()).replaceFirst("^/", "");
    }

    static long micros() {
        return System.nanoTime() / 1000;
    }
}
