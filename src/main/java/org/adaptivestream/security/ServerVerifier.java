package org.adaptivestream.security;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import javax.net.ssl.SSLSocket;

/**
 * How a client decides that the server is the one it meant to reach. There is deliberately no
 * "trust everything" option. Three ways:
 *
 * <ul>
 *   <li>{@link #pinned}: the server's certificate must have exactly this SHA-256 fingerprint
 *       (the one the server prints at start). Strongest and simplest.</li>
 *   <li>{@link #trustOnFirstUse}: like SSH. A server seen for the first time is shown to the
 *       user through a {@link FirstContactPrompt}; once accepted "always" its fingerprint is
 *       saved in {@link KnownServers} and a later different certificate is refused with
 *       {@link ServerCertificateChangedException}.</li>
 *   <li>{@link #certificateAuthority}: the certificate must chain to a trusted CA (the JDK's
 *       or given ones) by the JDK's PKIX rules and name the host connected to (HTTPS rules).</li>
 * </ul>
 *
 * Pinned and known certificates are refused once expired, even if the fingerprint matches (the
 * server renews its own certificate, so an expired one means a stale or stolen copy).
 *
 * <p>Use a verifier with {@link TlsClient#connect}, which turns a refusal into an
 * {@link UntrustedServerException} and runs the first-contact prompt outside the handshake.
 * Verifiers are immutable apart from trust-on-first-use's record of servers accepted once, and
 * thread-safe.
 */
public abstract sealed class ServerVerifier
        permits PinnedVerifier, TrustOnFirstUseVerifier, CertificateAuthorityVerifier {

    ServerVerifier() {
    }

    /** Accept only the certificate with this fingerprint. */
    public static ServerVerifier pinned(CertificateFingerprint expected) {
        return new PinnedVerifier(expected, Clock.systemUTC());
    }

    /** Trust on first use with this known-servers file and prompt. */
    public static ServerVerifier trustOnFirstUse(KnownServers knownServers, FirstContactPrompt prompt) {
        return new TrustOnFirstUseVerifier(knownServers, prompt, Clock.systemUTC());
    }

    /** Trust on first use with {@code <configDir>/known-servers}. */
    public static ServerVerifier trustOnFirstUse(Path configDir, FirstContactPrompt prompt) {
        return trustOnFirstUse(KnownServers.inConfigDir(configDir), prompt);
    }

    /** CA-signed certificates, trusting the CAs in {@code trustAnchors}. */
    public static ServerVerifier certificateAuthority(KeyStore trustAnchors) {
        return new CertificateAuthorityVerifier(trustAnchors);
    }

    /** CA-signed certificates, trusting the JDK's default CAs ({@code cacerts}). */
    public static ServerVerifier systemCertificateAuthorities() {
        return new CertificateAuthorityVerifier(null);
    }

    /** One line for logs and status bars, e.g. "pinned to SHA-256 3F:A2:…". */
    public abstract String describe();

    /**
     * Called by the trust manager during the handshake.
     *
     * @param chain  as presented, leaf first; may be empty
     * @param socket the socket being handshaken (CA mode checks the host name through it)
     */
    abstract void check(String host, int port, X509Certificate[] chain, String authType, SSLSocket socket)
            throws UntrustedServerException;

    /** True if the socket must be set up for HTTPS host-name checks. */
    boolean checksHostName() {
        return false;
    }

    @Override
    public String toString() {
        return describe();
    }

    static X509Certificate requireLeaf(String host, int port, X509Certificate[] chain)
            throws UntrustedServerException {
        if (chain == null || chain.length == 0 || chain[0] == null) {
            throw new UntrustedServerException(UntrustedServerException.Reason.EMPTY_CHAIN, host, port, null,
                    KnownServers.endpoint(host, port) + " presented no certificate; refusing to connect.");
        }
        return chain[0];
    }

    /**
     * Refuses an expired certificate. Not-yet-valid is deliberately not checked for pinned and
     * known certificates: the fingerprint already proves identity, and a client whose clock is
     * behind would otherwise reject a freshly made certificate.
     */
    static void requireNotExpired(String host, int port, X509Certificate leaf, Clock clock)
            throws UntrustedServerException {
        if (!leaf.getNotAfter().toInstant().isAfter(clock.instant())) {
            throw new UntrustedServerException(UntrustedServerException.Reason.EXPIRED, host, port,
                    CertificateFingerprint.of(leaf),
                    "The certificate of " + KnownServers.endpoint(host, port) + " EXPIRED on "
                            + leaf.getNotAfter().toInstant() + " (SHA-256 " + CertificateFingerprint.of(leaf)
                            + "); refusing to connect. Restart the server to renew it.");
        }
    }
}
