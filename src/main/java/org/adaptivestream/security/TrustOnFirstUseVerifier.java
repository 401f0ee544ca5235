package org.adaptivestream.security;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLSocket;

/**
 * SSH-style trust. During a handshake it only compares with what is already trusted (the file,
 * or servers accepted once by this verifier); an unknown server fails the handshake with
 * {@link UntrustedServerException.Reason#UNKNOWN_SERVER}, and {@link TlsClient} then asks the
 * prompt through {@link #confirmFirstContact} and retries.
 */
final class TrustOnFirstUseVerifier extends ServerVerifier {

    private final KnownServers knownServers;
    private final FirstContactPrompt prompt;
    private final Clock clock;
    /** "host:port fingerprint" accepted once, for the life of this verifier. */
    private final Set<String> acceptedOnce = ConcurrentHashMap.newKeySet();

    TrustOnFirstUseVerifier(KnownServers knownServers, FirstContactPrompt prompt, Clock clock) {
        this.knownServers = Objects.requireNonNull(knownServers, "knownServers");
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    void check(String host, int port, X509Certificate[] chain, String authType, SSLSocket socket)
            throws UntrustedServerException {
        X509Certificate leaf = requireLeaf(host, port, chain);
        CertificateFingerprint presented = CertificateFingerprint.of(leaf);
        CertificateFingerprint known;
        try {
            known = knownServers.lookup(host, port).orElse(null);
        } catch (IOException e) {
            throw new UntrustedServerException(UntrustedServerException.Reason.KNOWN_SERVERS_UNREADABLE, host, port,
                    presented, "Cannot check " + KnownServers.endpoint(host, port) + " against "
                            + knownServers.file() + ": " + e.getMessage());
        }
        if (known != null && !known.equals(presented)) {
            throw new ServerCertificateChangedException(host, port, known, presented, knownServers.file());
        }
        requireNotExpired(host, port, leaf, clock);
        if (known == null && !acceptedOnce.contains(key(host, port, presented))) {
            throw new UntrustedServerException(UntrustedServerException.Reason.UNKNOWN_SERVER, host, port, presented,
                    "First contact with " + KnownServers.endpoint(host, port) + " (SHA-256 " + presented.colonHex()
                            + ") has not been confirmed.");
        }
    }

    /**
     * Asks the prompt about a server that failed with UNKNOWN_SERVER and records the answer.
     *
     * @throws UntrustedServerException FIRST_CONTACT_REFUSED if the user refused
     * @throws IOException              if "always" could not be saved
     */
    void confirmFirstContact(String host, int port, CertificateFingerprint presented) throws IOException {
        FirstContactDecision decision = Objects.requireNonNull(prompt.decide(host, port, presented),
                "the first-contact prompt returned null");
        switch (decision) {
            case ACCEPT_ALWAYS -> {
                knownServers.remember(host, port, presented);
                acceptedOnce.add(key(host, port, presented));
            }
            case ACCEPT_ONCE -> acceptedOnce.add(key(host, port, presented));
            case REFUSE -> throw new UntrustedServerException(UntrustedServerException.Reason.FIRST_CONTACT_REFUSED,
                    host, port, presented, "First contact with " + KnownServers.endpoint(host, port) + " (SHA-256 "
                            + presented.colonHex() + ") was not accepted; not connecting."
                            + " Compare the fingerprint with the one the server prints, then accept it"
                            + " (command line: --trust-new) or pin it.");
        }
    }

    private static String key(String host, int port, CertificateFingerprint fingerprint) {
        return KnownServers.endpoint(host, port) + " " + fingerprint.compact();
    }

    @Override
    public String describe() {
        return "trust on first use (" + knownServers.file() + ")";
    }
}
