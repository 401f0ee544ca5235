package org.adaptivestream.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLSocket;
import org.adaptivestream.protocol.MessageWriter;
import org.adaptivestream.protocol.Welcome;

/**
 * A TLS server on 127.0.0.1, port 0, accepting connections one after another: each gets a
 * bounded handshake and a {@link Welcome}. The outcome of each handshake (the session's
 * protocol and suite, or the failure) is kept for assertions.
 */
final class LoopbackTlsServer implements AutoCloseable {

    static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(5);
    private static final long WAIT_SECONDS = 10;

    private final TlsListener listener;
    private volatile boolean closed;
    private final Duration handshakeTimeout;
    private final Thread acceptor;
    private final java.util.concurrent.BlockingQueue<CompletableFuture<String>> outcomes =
            new java.util.concurrent.LinkedBlockingQueue<>();

    LoopbackTlsServer(ServerIdentity identity) throws IOException {
        this(identity, HANDSHAKE_TIMEOUT);
    }

    LoopbackTlsServer(ServerIdentity identity, Duration handshakeTimeout) throws IOException {
        this.handshakeTimeout = handshakeTimeout;
        listener = TlsListener.open(identity, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        acceptor = new Thread(this::acceptLoop, "test-tls-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    String host() {
        return InetAddress.getLoopbackAddress().getHostAddress();
    }

    /** "TLSv1.3 TLS_AES_128_GCM_SHA256" for the next accepted connection, or its failure. */
    String nextOutcome() throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture<String> outcome = outcomes.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (outcome == null) {
            throw new TimeoutException("no connection reached the server");
        }
        return outcome.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private void acceptLoop() {
        while (!closed) {
            CompletableFuture<String> outcome = new CompletableFuture<>();
            try (SSLSocket socket = listener.accept().socket()) {
                outcomes.add(outcome);
                TlsHandshake.complete(socket, handshakeTimeout);
                new MessageWriter(socket.getOutputStream()).write(new Welcome(1, "test server", 7L));
                outcome.complete(socket.getSession().getProtocol() + " " + socket.getSession().getCipherSuite());
            } catch (IOException | RuntimeException e) {
                if (closed && !outcomes.contains(outcome)) {
                    return;
                }
                outcome.completeExceptionally(e);
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        closed = true;
        listener.close();
        acceptor.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    }
}
