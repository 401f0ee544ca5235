package org.adaptivestream.security;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLSocket;

/**
 * Runs a TLS handshake with an absolute deadline. A read timeout alone does not bound a
 * handshake (a peer sending one byte every few seconds keeps it alive forever), so a watchdog
 * closes the socket when the deadline passes.
 */
public final class TlsHandshake {

    /** Generous for loopback and LAN; a real peer finishes in milliseconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final ScheduledThreadPoolExecutor WATCHDOG = newWatchdog();

    private TlsHandshake() {
    }

    /**
     * Completes the handshake on {@code socket} (the server calls this on each accepted socket
     * before reading; {@link TlsClient} calls it for the client).
     *
     * @throws SocketTimeoutException if it took longer than {@code timeout}; the socket is closed
     * @throws IOException            if the handshake failed (e.g. SSLHandshakeException)
     */
    public static void complete(SSLSocket socket, Duration timeout) throws IOException {
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            expired.set(true);
            closeQuietly(socket);
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        try {
            socket.startHandshake();
        } catch (IOException e) {
            if (expired.get()) {
                throw timeout(socket, timeout, e);
            }
            throw e;
        } finally {
            watchdog.cancel(false);
        }
        if (expired.get()) {
            throw timeout(socket, timeout, null);
        }
    }

    private static SocketTimeoutException timeout(SSLSocket socket, Duration timeout, Throwable cause) {
        SocketTimeoutException e = new SocketTimeoutException("TLS handshake with "
                + socket.getRemoteSocketAddress() + " did not finish within " + timeout.toMillis() + " ms");
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    private static void closeQuietly(SSLSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }

    private static ScheduledThreadPoolExecutor newWatchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "tls-handshake-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
