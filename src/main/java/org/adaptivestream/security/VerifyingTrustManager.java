package org.adaptivestream.security;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Adapts a {@link ServerVerifier} to JSSE. A refusal travels through the handshake as a
 * CertificateException whose cause is the {@link UntrustedServerException}; {@link TlsClient}
 * digs it out again. Client side only: it trusts no client certificates.
 */
final class VerifyingTrustManager extends X509ExtendedTrustManager {

    private final ServerVerifier verifier;
    /** The server as the user named it; null to take it from the handshake session. */
    private final String host;
    private final int port;

    VerifyingTrustManager(ServerVerifier verifier) {
        this(verifier, null, -1);
    }

    /**
     * Verifies as {@code host:port} whatever socket is handshaking. A session layered over a
     * relay's socket reports the relay's port as its peer port, which would key trust on the
     * relay's ephemeral port rather than the server.
     */
    VerifyingTrustManager(ServerVerifier verifier, String host, int port) {
        this.verifier = verifier;
        this.host = host;
        this.port = port;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        if (!(socket instanceof SSLSocket sslSocket) || sslSocket.getHandshakeSession() == null) {
            throw new CertificateException("server verification needs the handshaking SSLSocket");
        }
        SSLSession session = sslSocket.getHandshakeSession();
        try {
            verifier.check(host != null ? host : session.getPeerHost(), host != null ? port : session.getPeerPort(),
                    chain, authType, sslSocket);
        } catch (UntrustedServerException e) {
            throw new CertificateException(e.getMessage(), e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("server verification needs the socket (host and port)");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("SSLEngine is not supported; use TlsClient");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager does not authenticate clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
