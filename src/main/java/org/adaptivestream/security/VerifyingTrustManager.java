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

    VerifyingTrustManager(ServerVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        if (!(socket instanceof SSLSocket sslSocket) || sslSocket.getHandshakeSession() == null) {
            throw new CertificateException("server verification needs the handshaking SSLSocket");
        }
        SSLSession session = sslSocket.getHandshakeSession();
        try {
            verifier.check(session.getPeerHost(), session.getPeerPort(), chain, authType, sslSocket);
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
