package org.adaptivestream.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import org.adaptivestream.protocol.ErrorCode;
import org.adaptivestream.security.CertificateFingerprint;
import org.adaptivestream.security.RecordBatch;
import org.adaptivestream.security.ServerIdentity;
import org.adaptivestream.security.TlsListener;

/**
 * The streaming server: a TLS 1.3 listener and one session per client.
 *
 * <p>Lifecycle: construct, {@link #start()}, then {@link #close()} once; close sends every
 * client a goodbye it can read, closes every socket within {@link #SHUTDOWN_BOUND_MILLIS} and
 * frees the port.
 *
 * <p>Threads: one acceptor; per session one thread that reads the client's requests; a
 * {@link Pacer} whose few workers (one per core, more only while clients block writes) pace
 * video to every session; one shared scheduler for deadlines. Observers are told what happens
 * through {@link ServerListener} on those threads. All public methods are thread-safe.
 */
public final class StreamingServer implements AutoCloseable {

    /** Shutdown closes every socket and joins every thread within this. */
    public static final long SHUTDOWN_BOUND_MILLIS = 2_000;

    private final ServerConfig config;
    private final ServerIdentity identity;
    private final VideoCatalog catalog;
    private final ServerListener listener;
    private final Map<Long, ClientSession> sessions = new ConcurrentHashMap<>();
    private final AtomicLong nextSessionId = new AtomicLong(1);
    private final AtomicInteger pendingRefusals = new AtomicInteger();
    private final ScheduledThreadPoolExecutor scheduler;
    private final Pacer pacer = new Pacer(Runtime.getRuntime().availableProcessors());
    private volatile TlsListener serverSocket;
    private volatile Thread acceptor;
    private volatile boolean closing;

    public StreamingServer(ServerConfig config, ServerIdentity identity, VideoCatalog catalog, ServerListener listener) {
        this.config = config;
        this.identity = identity;
        this.catalog = catalog;
        this.listener = listener;
        this.scheduler = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "server-deadlines"));
        scheduler.setRemoveOnCancelPolicy(true);
    }

    /** Binds the port and starts accepting; a port in use is a {@link java.net.BindException} naming it. */
    public synchronized StreamingServer start() throws IOException {
        if (serverSocket != null) {
            throw new IllegalStateException("already started");
        }
        InetSocketAddress bind = new InetSocketAddress(config.bindAddress(), config.port());
        try {
            serverSocket = TlsListener.open(identity, bind);
        } catch (java.net.BindException e) {
            scheduler.shutdownNow();
            java.net.BindException named = new java.net.BindException("cannot listen on " + bind.getAddress().getHostAddress()
                    + ":" + config.port() + ": " + e.getMessage() + " (is another server running there?)");
            named.initCause(e);
            throw named;
        }
        scheduler.scheduleAtFixedRate(this::checkWriteStalls, 1, 1, TimeUnit.SECONDS);
        scheduler.scheduleAtFixedRate(pacer::checkStuck, Pacer.STUCK_MILLIS, Pacer.STUCK_MILLIS / 2, TimeUnit.MILLISECONDS);
        pacer.start();
        acceptor = daemon(this::acceptLoop, "server-acceptor");
        acceptor.start();
        return this;
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(serverSocket.getInetAddress(), port());
    }

    public CertificateFingerprint fingerprint() {
        return identity.fingerprint();
    }

    public ServerConfig config() {
        return config;
    }

    /** The current sessions, including those still shaking hands. */
    public List<SessionInfo> sessions() {
        return sessions.values().stream().map(ClientSession::info)
                .sorted((a, b) -> Long.compare(a.sessionId(), b.sessionId())).toList();
    }

    private void acceptLoop() {
        while (!closing) {
            TlsListener.Connection connection;
            try {
                connection = serverSocket.accept();
            } catch (IOException e) {
                if (!closing) {
                    listener.connectionRefused("?", "accept failed: " + e.getMessage());
                }
                continue;
            }
            SSLSocket socket = connection.socket();
            try {
                // Video goes out as several TLS records per packet: Nagle would hold the later
                // ones back until the first is acknowledged.
                socket.setTcpNoDelay(true);
            } catch (IOException e) {
                closeQuietly(socket);
                continue;
            }
            admit(socket, connection.batch());
        }
    }

    private void admit(SSLSocket socket, RecordBatch batch) {
        String remote = String.valueOf(socket.getRemoteSocketAddress());
        if (sessions.size() >= config.maxClients()) {
            refuse(socket, remote);
            return;
        }
        long id = nextSessionId.getAndIncrement();
        ClientSession session = new ClientSession(id, socket, batch, config, catalog, listener, scheduler, pacer,
                this::forget);
        sessions.put(id, session);
        session.start();
    }

    /**
     * A client over the limit still hears why, if it completes a handshake quickly; a flood of
     * them beyond a few at a time is simply closed, so refusing costs little.
     */
    private void refuse(SSLSocket socket, String remote) {
        if (pendingRefusals.incrementAndGet() > ServerConfig.MAX_PENDING_REFUSALS) {
            pendingRefusals.decrementAndGet();
            closeQuietly(socket);
            listener.connectionRefused(remote, "server full (" + config.maxClients() + " clients); closed at once");
            return;
        }
        daemon(() -> {
            try {
                ClientSession.tellAndClose(socket, ErrorCode.SERVER_BUSY,
                        "server full: " + config.maxClients() + " clients already connected", scheduler);
                listener.connectionRefused(remote, "server full (" + config.maxClients() + " clients)");
            } finally {
                pendingRefusals.decrementAndGet();
            }
        }, "server-refusal").start();
    }

    private void forget(ClientSession session) {
        sessions.remove(session.id());
    }

    private void checkWriteStalls() {
        long now = System.nanoTime();
        for (ClientSession session : sessions.values()) {
            session.closeIfWriteStalled(now);
        }
    }

    /** Says goodbye to every client, closes every socket and frees the port, within the bound. */
    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SHUTDOWN_BOUND_MILLIS);
        closeQuietly(serverSocket);
        List<ClientSession> open = List.copyOf(sessions.values());
        List<Thread> goodbyes = open.stream().map(ClientSession::shutDown).toList();
        goodbyes.forEach(t -> join(t, deadline));
        for (ClientSession session : open) {
            session.awaitTermination(deadline);
        }
        join(acceptor, deadline);
        pacer.close(deadline);
        scheduler.shutdownNow();
    }

    static void join(Thread thread, long deadlineNanos) {
        if (thread == null) {
            return;
        }
        try {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    static void closeQuietly(java.io.Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException | RuntimeException ignored) {
            // closing is all we wanted; a socket that fails to close is already gone
        }
    }

    static boolean isClosedSocket(IOException e) {
        return e instanceof SocketException;
    }
}
