package org.adaptivestream.security;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Opens a verified TLS 1.3 connection to a server.
 *
 * <pre>{@code
 * ServerVerifier verifier = ServerVerifier.trustOnFirstUse(workspace.configDir(), FirstContactPrompt.refuse());
 * try (SSLSocket socket = TlsClient.connect("localhost", 8443, verifier, Duration.ofSeconds(10))) {
 *     MessageWriter out = new MessageWriter(socket.getOutputStream());
 *     MessageReader in = new MessageReader(socket.getInputStream());
 *     ...
 * } catch (UntrustedServerException e) {
 *     // show e.getMessage(); e.reason(), e.presented(); ServerCertificateChangedException has both fingerprints
 * }
 * }</pre>
 *
 * Trust on first use: if the server is unknown, the first handshake fails, the socket is
 * closed, the verifier's {@link FirstContactPrompt} is asked on the calling thread, and if it
 * accepts, a second handshake is made (which must present the same certificate). Blocking;
 * call it off the GUI thread.
 */
public final class TlsClient {

    private TlsClient() {
    }

    /**
     * Connects, completes the handshake and verifies the server.
     *
     * @param host    the name or address to connect to; also what CA mode checks the
     *                certificate against and what trust on first use remembers
     * @param timeout bound for the TCP connect and, separately, for each handshake
     * @return a socket ready for {@code MessageReader}/{@code MessageWriter}
     * @throws UntrustedServerException if the server's certificate was refused
     * @throws IOException              if the server cannot be reached or the handshake fails
     */
    public static SSLSocket connect(String host, int port, ServerVerifier verifier, Duration timeout)
            throws IOException {
        return connect(host, port, new InetSocketAddress(host, port), verifier, timeout);
    }

    /**
     * As {@link #connect(String, int, ServerVerifier, Duration)}, but dials {@code dial} (a
     * network-lab relay, say) while verifying and remembering the server as {@code host:port}.
     */
    public static SSLSocket connect(String host, int port, InetSocketAddress dial, ServerVerifier verifier,
                                    Duration timeout) throws IOException {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(verifier, "verifier");
        try {
            return connectOnce(host, port, dial, verifier, timeout);
        } catch (UntrustedServerException refused) {
            if (refused.reason() != UntrustedServerException.Reason.UNKNOWN_SERVER
                    || !(verifier instanceof TrustOnFirstUseVerifier tofu)
                    || refused.presented().isEmpty()) {
                throw refused;
            }
            tofu.confirmFirstContact(host, port, refused.presented().get());
            return connectOnce(host, port, dial, verifier, timeout);
        }
    }

    private static SSLSocket connectOnce(String host, int port, InetSocketAddress dial, ServerVerifier verifier,
                                         Duration timeout)
            throws IOException {
        SSLContext context = TlsContexts.client(verifier, host, port);
        Socket plain = new Socket();
        SSLSocket socket = null;
        try {
            plain.connect(dial, Math.toIntExact(Math.max(1, timeout.toMillis())));
            // Layering over a connected socket keeps 'host' as the peer name: SNI, host-name
            // checks and the known-servers key all use what the user typed.
            socket = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
            SSLParameters parameters = TlsPolicy.apply(socket.getSSLParameters());
            if (verifier.checksHostName()) {
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
            }
            socket.setSSLParameters(parameters);
            TlsHandshake.complete(socket, timeout);
            return socket;
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket != null ? socket : plain);
            UntrustedServerException refusal = findRefusal(e);
            if (refusal != null) {
                throw refusal;
            }
            throw e;
        }
    }

    private static UntrustedServerException findRefusal(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof UntrustedServerException refusal) {
                return refusal;
            }
        }
        return null;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already failing
        }
    }
}
