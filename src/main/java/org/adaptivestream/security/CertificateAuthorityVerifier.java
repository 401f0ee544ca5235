package org.adaptivestream.security;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The JDK's PKIX validation against trusted CAs, then the HTTPS host-name rules. The two steps
 * run separately so that the refusal says which one failed.
 */
final class CertificateAuthorityVerifier extends ServerVerifier {

    private final X509ExtendedTrustManager pkix;
    private final String anchors;

    /** @param trustAnchors null for the JDK's default CAs */
    CertificateAuthorityVerifier(KeyStore trustAnchors) {
        this.anchors = trustAnchors == null ? "the JDK's default CAs" : "the given CAs";
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(trustAnchors);
            X509ExtendedTrustManager found = null;
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager extended) {
                    found = extended;
                }
            }
            if (found == null) {
                throw new IllegalStateException("the JDK offers no PKIX X509ExtendedTrustManager");
            }
            this.pkix = found;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up PKIX validation", e);
        }
    }

    @Override
    void check(String host, int port, X509Certificate[] chain, String authType, SSLSocket socket)
            throws UntrustedServerException {
        X509Certificate leaf = requireLeaf(host, port, chain);
        CertificateFingerprint presented = CertificateFingerprint.of(leaf);
        String endpoint = KnownServers.endpoint(host, port);
        try {
            pkix.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            boolean expired = hasCause(e, CertificateExpiredException.class);
            throw new UntrustedServerException(
                    expired ? UntrustedServerException.Reason.EXPIRED : UntrustedServerException.Reason.CHAIN_INVALID,
                    host, port, presented, "The certificate of " + endpoint
                            + (expired ? " has EXPIRED" : " is not issued by a trusted authority")
                            + " (checked against " + anchors + "): " + e.getMessage()
                            + "; SHA-256 " + presented.colonHex() + ". Refusing to connect.");
        }
        if (socket == null || !"HTTPS".equals(socket.getSSLParameters().getEndpointIdentificationAlgorithm())) {
            // Never skip the host-name check silently: fail closed if the socket was not set up for it.
            throw new UntrustedServerException(UntrustedServerException.Reason.HOST_NAME_MISMATCH, host, port,
                    presented, "Host-name verification is not enabled on this socket; connect with TlsClient.");
        }
        try {
            pkix.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            throw new UntrustedServerException(UntrustedServerException.Reason.HOST_NAME_MISMATCH, host, port,
                    presented, "The certificate presented by " + endpoint + " is valid but not for the name '"
                            + host + "': " + e.getMessage() + ". Refusing to connect.");
        }
    }

    @Override
    boolean checksHostName() {
        return true;
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String describe() {
        return "certificate authority (" + anchors + ") with host-name check";
    }
}
