package org.adaptivestream.security;

import java.nio.file.Path;

/**
 * Trust on first use: a server we trusted before now presents another certificate. That is
 * what a man-in-the-middle looks like, so the connection is refused outright, with no prompt.
 * The message names both fingerprints and the known-servers line to remove if the change is
 * expected (for example the server's certificate was renewed).
 */
public final class ServerCertificateChangedException extends UntrustedServerException {

    private static final long serialVersionUID = 1L;

    private final transient CertificateFingerprint expected;
    private final transient Path knownServersFile;

    public ServerCertificateChangedException(String host, int port, CertificateFingerprint expected,
                                             CertificateFingerprint presented, Path knownServersFile) {
        super(Reason.CERTIFICATE_CHANGED, host, port, presented,
                "The certificate of " + KnownServers.endpoint(host, port) + " has CHANGED since it was trusted."
                        + " Trusted SHA-256: " + expected.colonHex()
                        + "; presented SHA-256: " + presented.colonHex() + "."
                        + " Someone may be intercepting the connection, or the server may have a new certificate."
                        + " If you are sure the change is expected, remove the line for "
                        + KnownServers.endpoint(host, port) + " from " + knownServersFile + " and connect again.");
        this.expected = expected;
        this.knownServersFile = knownServersFile;
    }

    /** The fingerprint remembered for this server. */
    public CertificateFingerprint expected() {
        return expected;
    }

    public Path knownServersFile() {
        return knownServersFile;
    }
}
