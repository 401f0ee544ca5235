package org.adaptivestream.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's private key and certificate chain: what it presents in every TLS handshake and
 * whose fingerprint users compare.
 *
 * <p>{@link #loadOrCreate(Path)} manages them in the certs folder:
 * <ul>
 *   <li>{@value #KEY_STORE_FILE}: PKCS12 key store, owner-only, one key entry; the password is
 *       {@value #KEY_STORE_PASSWORD_TEXT} and is no secret: the file's permissions are the
 *       protection (like an SSH host key);</li>
 *   <li>{@value #CERTIFICATE_FILE}: the certificate in PEM, public, for clients and openssl.</li>
 * </ul>
 * First start: a new ECDSA P-256 key and a self-signed certificate (SAN localhost, 127.0.0.1,
 * ::1 and this host's name, valid one year). Later starts load them. A self-signed certificate
 * that has expired (or will within {@link #RENEW_BEFORE_EXPIRY}) is replaced by a new one; a
 * CA-issued certificate the user put there is never replaced. Unreadable files are never
 * overwritten: an {@link IdentityStoreException} says what to delete.
 *
 * <p>To serve a CA-signed certificate, put a PKCS12 with the key and chain there (for example
 * {@code openssl pkcs12 -export -inkey key.pem -in chain.pem -passout pass:adaptivestream
 * -out server.p12}) or build one with {@link #of}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ServerIdentity {

    public static final String KEY_STORE_FILE = "server.p12";
    public static final String CERTIFICATE_FILE = "server-cert.pem";
    /** Renewing a little early means no client ever sees the certificate expire mid-session. */
    public static final Duration RENEW_BEFORE_EXPIRY = Duration.ofDays(7);

    static final String KEY_STORE_PASSWORD_TEXT = "adaptivestream";
    private static final char[] KEY_STORE_PASSWORD = KEY_STORE_PASSWORD_TEXT.toCharArray();
    private static final String KEY_ALIAS = "server";
    private static final Logger LOG = LoggerFactory.getLogger(ServerIdentity.class);

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;
    private final CertificateFingerprint fingerprint;

    private ServerIdentity(PrivateKey privateKey, List<X509Certificate> chain) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.chain = List.copyOf(chain);
        if (this.chain.isEmpty()) {
            throw new IllegalArgumentException("a server identity needs at least one certificate");
        }
        this.fingerprint = CertificateFingerprint.of(this.chain.get(0));
    }

    /** An identity from a key and its chain, leaf first (e.g. a CA-issued certificate). */
    public static ServerIdentity of(PrivateKey privateKey, List<X509Certificate> chain) {
        return new ServerIdentity(privateKey, chain);
    }

    /** A new self-signed identity kept in memory only (tests, throw-away servers). */
    public static ServerIdentity generate(List<String> dnsNames, List<String> ipAddresses,
                                          Instant now, Duration validity) {
        KeyPair keyPair = SelfSignedCertificates.newKeyPair();
        return new ServerIdentity(keyPair.getPrivate(),
                List.of(SelfSignedCertificates.create(keyPair, dnsNames, ipAddresses, now, validity)));
    }

    /** {@link #loadOrCreate(Path, Clock, List)} with the system clock and this host's names. */
    public static ServerIdentity loadOrCreate(Path certsDir) throws IOException {
        return loadOrCreate(certsDir, Clock.systemUTC(), defaultDnsNames());
    }

    /**
     * Loads the identity in {@code certsDir}, creating or renewing it as described above.
     *
     * @param dnsNames DNS names for a newly made certificate ("localhost" plus the host name by
     *                 default); 127.0.0.1 and ::1 are always added
     * @throws IdentityStoreException if the files exist but cannot be used
     * @throws IOException            if the folder cannot be written
     */
    public static ServerIdentity loadOrCreate(Path certsDir, Clock clock, List<String> dnsNames)
            throws IOException {
        Path keyStoreFile = certsDir.resolve(KEY_STORE_FILE);
        Instant now = clock.instant();
        ServerIdentity identity;
        if (Files.exists(keyStoreFile)) {
            identity = load(keyStoreFile);
            if (SecureFiles.restrictToOwner(keyStoreFile)) {
                LOG.warn("{} was readable by others; made it owner-only", keyStoreFile);
            }
            X509Certificate leaf = identity.certificate();
            Instant notAfter = leaf.getNotAfter().toInstant();
            if (!notAfter.isAfter(now.plus(RENEW_BEFORE_EXPIRY))) {
                if (!SelfSignedCertificates.isSelfSigned(leaf)) {
                    // Someone else's certificate: warn while it still works, refuse once it does not.
                    String advice = " It was not made by AdaptiveStream, so it is not renewed automatically: replace "
                            + keyStoreFile + " with a renewed one, or delete it (and " + CERTIFICATE_FILE
                            + ") to use a self-signed certificate.";
                    if (notAfter.isAfter(now)) {
                        LOG.warn("The certificate in {} expires {}.{}", keyStoreFile, notAfter, advice);
                        identity.writeCertificatePemIfChanged(certsDir.resolve(CERTIFICATE_FILE));
                        return identity;
                    }
                    throw new IdentityStoreException("The certificate in " + keyStoreFile + " (issued by "
                            + leaf.getIssuerX500Principal().getName() + ") expired on " + notAfter + "." + advice);
                }
                LOG.warn("The server certificate {} expires {}; making a new one (clients will see a new fingerprint)",
                        identity.fingerprint(), leaf.getNotAfter().toInstant());
                identity = createAndStore(certsDir, dnsNames, now);
            }
        } else {
            identity = createAndStore(certsDir, dnsNames, now);
            LOG.info("Created server certificate {} in {}", identity.fingerprint(), certsDir);
        }
        identity.writeCertificatePemIfChanged(certsDir.resolve(CERTIFICATE_FILE));
        return identity;
    }

    private static ServerIdentity createAndStore(Path certsDir, List<String> dnsNames, Instant now)
            throws IOException {
        ServerIdentity identity = generate(dnsNames, List.of("127.0.0.1", "::1"), now,
                SelfSignedCertificates.DEFAULT_VALIDITY);
        SecureFiles.createPrivateDirectories(certsDir);
        SecureFiles.writeAtomically(certsDir.resolve(KEY_STORE_FILE), identity.toPkcs12(), true);
        return identity;
    }

    private static ServerIdentity load(Path keyStoreFile) throws IdentityStoreException {
        String advice = " It was left untouched. If you do not need it, delete " + keyStoreFile + " and "
                + keyStoreFile.resolveSibling(CERTIFICATE_FILE) + " and start the server again to create a new"
                + " certificate (clients that trusted the old one will have to trust the new fingerprint).";
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(new ByteArrayInputStream(Files.readAllBytes(keyStoreFile)), KEY_STORE_PASSWORD);
            for (String alias : Collections.list(keyStore.aliases())) {
                if (!keyStore.isKeyEntry(alias)) {
                    continue;
                }
                Key key = keyStore.getKey(alias, KEY_STORE_PASSWORD);
                Certificate[] chain = keyStore.getCertificateChain(alias);
                if (key instanceof PrivateKey privateKey && chain != null && chain.length > 0) {
                    List<X509Certificate> certificates = new ArrayList<>();
                    for (Certificate certificate : chain) {
                        certificates.add((X509Certificate) certificate);
                    }
                    return new ServerIdentity(privateKey, certificates);
                }
            }
            throw new IdentityStoreException(keyStoreFile + " holds no private key with a certificate." + advice);
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            throw new IdentityStoreException(keyStoreFile + " cannot be read as a PKCS12 key store with password '"
                    + KEY_STORE_PASSWORD_TEXT + "' (" + e.getMessage() + ")." + advice, e);
        }
    }

    private void writeCertificatePemIfChanged(Path pemFile) throws IOException {
        byte[] pem = certificatePem().getBytes(StandardCharsets.US_ASCII);
        if (Files.isRegularFile(pemFile) && Arrays.equals(Files.readAllBytes(pemFile), pem)) {
            return;
        }
        SecureFiles.writeAtomically(pemFile, pem, false);
    }

    /** The chain in PEM, leaf first, as written to {@value #CERTIFICATE_FILE}. */
    public String certificatePem() {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (X509Certificate certificate : chain) {
                writer.writeObject(certificate);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode certificate as PEM", e);
        }
        return text.toString();
    }

    byte[] toPkcs12() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            toKeyStore().store(bytes, KEY_STORE_PASSWORD);
            return bytes.toByteArray();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a PKCS12 key store", e);
        }
    }

    /** An in-memory key store with this identity, for a KeyManagerFactory. */
    KeyStore toKeyStore() {
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry(KEY_ALIAS, privateKey, KEY_STORE_PASSWORD, chain.toArray(Certificate[]::new));
            return keyStore;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a key store", e);
        }
    }

    static char[] keyStorePassword() {
        return KEY_STORE_PASSWORD.clone();
    }

    /** "localhost" and this machine's host name if it has one. */
    static List<String> defaultDnsNames() {
        List<String> names = new ArrayList<>(List.of("localhost"));
        try {
            String hostName = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
            if (!hostName.isBlank() && !names.contains(hostName) && !hostName.matches("[0-9.:]+")) {
                names.add(hostName);
            }
        } catch (IOException e) {
            LOG.debug("no local host name for the certificate", e);
        }
        return names;
    }

    /** The leaf certificate the server presents. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Leaf first. */
    public List<X509Certificate> chain() {
        return chain;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    /** SHA-256 fingerprint of {@link #certificate()}: show it so clients can pin or check it. */
    public CertificateFingerprint fingerprint() {
        return fingerprint;
    }

    @Override
    public String toString() {
        return "ServerIdentity[" + certificate().getSubjectX500Principal().getName() + ", SHA-256 "
                + fingerprint + ", valid until " + certificate().getNotAfter().toInstant() + "]";
    }
}
