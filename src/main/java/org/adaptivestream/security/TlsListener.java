package org.adaptivestream.security;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The server's listening socket, configured by {@link TlsPolicy}, whose connections can batch
 * their records ({@link RecordBatch}). It accepts plain TCP connections and layers a server-mode
 * TLS socket over each, so that the records the TLS socket writes pass through a stream of ours.
 *
 * <pre>{@code
 * try (TlsListener listener = TlsListener.open(identity, new InetSocketAddress(8443))) {
 *     TlsListener.Connection client = listener.accept();
 *     TlsHandshake.complete(client.socket(), TlsHandshake.DEFAULT_TIMEOUT); // on the session's thread
 *     MessageWriter out = new MessageWriter(client.socket().getOutputStream());
 *     client.batch().begin();
 *     try {
 *         out.write(message);
 *     } finally {
 *         client.batch().end();
 *     }
 * }
 * }</pre>
 *
 * A client offering anything but TLS 1.3 fails the handshake. No client certificate is asked.
 */
public final class TlsListener implements Closeable {

    private static final int DEFAULT_BACKLOG = 50;

    /** An accepted connection: its TLS socket (handshake not yet done) and its record batch. */
    public record Connection(SSLSocket socket, RecordBatch batch) {
    }

    private final ServerSocket listener;
    private final SSLSocketFactory factory;

    private TlsListener(ServerSocket listener, SSLSocketFactory factory) {
        this.listener = listener;
        this.factory = factory;
    }

    /** Binds a TLS 1.3 listener; port 0 picks a free port (see {@link #getLocalPort()}). */
    public static TlsListener open(ServerIdentity identity, InetSocketAddress bindAddress) throws IOException {
        SSLSocketFactory factory = TlsContexts.server(identity).getSocketFactory();
        ServerSocket listener = new BatchingServerSocket();
        try {
            listener.bind(bindAddress, DEFAULT_BACKLOG);
            return new TlsListener(listener, factory);
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
    }

    /** Waits for a connection; the TLS handshake is the caller's to run ({@link TlsHandshake}). */
    public Connection accept() throws IOException {
        BatchingSocket plain = (BatchingSocket) listener.accept();
        try {
            SSLSocket socket = (SSLSocket) factory.createSocket(plain, null, true);
            socket.setUseClientMode(false);
            socket.setSSLParameters(TlsPolicy.apply(socket.getSSLParameters()));
            socket.setNeedClientAuth(false);
            return new Connection(socket, plain.batch());
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    public int getLocalPort() {
        return listener.getLocalPort();
    }

    public InetAddress getInetAddress() {
        return listener.getInetAddress();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    /** Accepts {@link BatchingSocket}s. */
    private static final class BatchingServerSocket extends ServerSocket {

        BatchingServerSocket() throws IOException {
            super();
        }

        @Override
        public Socket accept() throws IOException {
            if (isClosed()) {
                throw new SocketException("Socket is closed");
            }
            if (!isBound()) {
                throw new SocketException("Socket is not bound yet");
            }
            BatchingSocket socket = new BatchingSocket();
            implAccept(socket);
            return socket;
        }
    }

    /** A plain socket whose output stream is a {@link BatchingOutputStream}. */
    static final class BatchingSocket extends Socket {

        private BatchingOutputStream output;

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (output == null) {
                output = new BatchingOutputStream(super.getOutputStream());
            }
            return output;
        }

        synchronized BatchingOutputStream batch() throws IOException {
            return (BatchingOutputStream) getOutputStream();
        }
    }
}
