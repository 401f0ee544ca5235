package org.adaptivestream.security;

import java.io.IOException;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLServerSocket;

/**
 * The server's listening socket, configured by {@link TlsPolicy}.
 *
 * <pre>{@code
 * ServerIdentity identity = ServerIdentity.loadOrCreate(workspace.certsDir());
 * System.out.println("SHA-256 fingerprint: " + identity.fingerprint());
 * try (SSLServerSocket listener = TlsServerSockets.open(identity, new InetSocketAddress(8443))) {
 *     SSLSocket client = (SSLSocket) listener.accept();
 *     // on the session's own thread:
 *     TlsHandshake.complete(client, TlsHandshake.DEFAULT_TIMEOUT);
 *     MessageReader in = new MessageReader(client.getInputStream());
 *     MessageWriter out = new MessageWriter(client.getOutputStream());
 * }
 * }</pre>
 *
 * A client offering anything but TLS 1.3 fails the handshake. No client certificate is asked.
 */
public final class TlsServerSockets {

    private static final int DEFAULT_BACKLOG = 50;

    private TlsServerSockets() {
    }

    /** Binds a TLS 1.3 listener; port 0 picks a free port (see {@code getLocalPort()}). */
    public static SSLServerSocket open(ServerIdentity identity, InetSocketAddress bindAddress) throws IOException {
        SSLServerSocket socket = (SSLServerSocket) TlsContexts.server(identity).getServerSocketFactory()
                .createServerSocket();
        try {
            socket.setSSLParameters(TlsPolicy.apply(socket.getSSLParameters()));
            socket.setNeedClientAuth(false);
            socket.bind(bindAddress, DEFAULT_BACKLOG);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }
}
