package org.adaptivestream.security;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Objects;
import javax.net.ssl.SSLSocket;

/** Accepts exactly one certificate, named by its fingerprint. */
final class PinnedVerifier extends ServerVerifier {

    private final CertificateFingerprint expected;
    private final Clock clock;

    PinnedVerifier(CertificateFingerprint expected, Clock clock) {
        this.expected = Objects.requireNonNull(expected, "expected");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    void check(String host, int port, X509Certificate[] chain, String authType, SSLSocket socket)
            throws UntrustedServerException {
        X509Certificate leaf = requireLeaf(host, port, chain);
        CertificateFingerprint presented = CertificateFingerprint.of(leaf);
        if (!presented.equals(expected)) {
            throw new UntrustedServerException(UntrustedServerException.Reason.FINGERPRINT_MISMATCH, host, port,
                    presented, "The certificate of " + KnownServers.endpoint(host, port)
                            + " does not match the pinned fingerprint. Expected SHA-256 " + expected.colonHex()
                            + "; presented SHA-256 " + presented.colonHex()
                            + ". Check the fingerprint the server prints at start; refusing to connect.");
        }
        requireNotExpired(host, port, leaf, clock);
    }

    @Override
    public String describe() {
        return "pinned to SHA-256 " + expected.colonHex();
    }
}
