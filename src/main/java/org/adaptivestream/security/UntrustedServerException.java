package org.adaptivestream.security;

import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;

/**
 * The client refused the server's certificate. Thrown by {@link TlsClient#connect} instead of
 * the JDK's generic handshake exception, with a message meant for the user and the facts a
 * GUI needs ({@link #reason()}, host, port, the presented fingerprint). It is an
 * {@link java.io.IOException}, so connection code can treat it like any failed connect.
 */
public class UntrustedServerException extends SSLHandshakeException {

    private static final long serialVersionUID = 1L;

    /** Why the certificate was refused. */
    public enum Reason {
        /** The server sent no certificate. */
        EMPTY_CHAIN,
        /** The certificate is not the pinned one. */
        FINGERPRINT_MISMATCH,
        /** Trust on first use: this server is not known yet and the user has not accepted it. */
        UNKNOWN_SERVER,
        /** Trust on first use: the user refused the first contact. */
        FIRST_CONTACT_REFUSED,
        /** Trust on first use: the server presents a different certificate than last time. */
        CERTIFICATE_CHANGED,
        /** The certificate's notAfter has passed. */
        EXPIRED,
        /** CA mode: the chain does not lead to a trusted authority, or is otherwise invalid. */
        CHAIN_INVALID,
        /** CA mode: the certificate does not name the host we connected to. */
        HOST_NAME_MISMATCH,
        /** The known-servers file cannot be read; nothing can be checked against it. */
        KNOWN_SERVERS_UNREADABLE
    }

    private final Reason reason;
    private final String host;
    private final int port;
    private final transient CertificateFingerprint presented;

    public UntrustedServerException(Reason reason, String host, int port, CertificateFingerprint presented,
                                    String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.host = host;
        this.port = port;
        this.presented = presented;
    }

    public Reason reason() {
        return reason;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The fingerprint of the certificate the server presented; empty if it presented none. */
    public Optional<CertificateFingerprint> presented() {
        return Optional.ofNullable(presented);
    }
}
