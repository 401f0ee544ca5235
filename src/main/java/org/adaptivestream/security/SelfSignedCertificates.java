package org.adaptivestream.security;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes ECDSA P-256 keys and self-signed TLS server certificates with BouncyCastle. Signing
 * uses the JDK's own providers, so no provider is registered globally.
 */
public final class SelfSignedCertificates {

    /** One year at most: browsers and auditors distrust longer-lived leaf certificates. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(365);
    /** Backdating notBefore lets a client whose clock runs a little slow accept a fresh certificate. */
    static final Duration CLOCK_SKEW_ALLOWANCE = Duration.ofHours(1);

    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final int SERIAL_NUMBER_BITS = 127;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SelfSignedCertificates() {
    }

    /** A fresh ECDSA key pair on curve P-256 (secp256r1). */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make P-256 keys", e);
        }
    }

    /**
     * A self-signed end-entity certificate for a TLS server.
     *
     * @param dnsNames    subject alternative names of type DNS (the first also becomes the CN)
     * @param ipAddresses subject alternative names of type IP, as literals ("127.0.0.1", "::1")
     * @param now         the moment of creation; notBefore is an hour earlier
     * @param validity    from notBefore to notAfter
     */
    public static X509Certificate create(KeyPair keyPair, List<String> dnsNames, List<String> ipAddresses,
                                         Instant now, Duration validity) {
        if (dnsNames.isEmpty() && ipAddresses.isEmpty()) {
            throw new IllegalArgumentException("a server certificate needs at least one name");
        }
        X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "AdaptiveStream")
                .addRDN(BCStyle.CN, dnsNames.isEmpty() ? ipAddresses.get(0) : dnsNames.get(0));
        X500Name name = subject.build();
        Instant notBefore = now.minus(CLOCK_SKEW_ALLOWANCE);
        List<GeneralName> sans = new ArrayList<>();
        dnsNames.forEach(dns -> sans.add(new GeneralName(GeneralName.dNSName, dns)));
        ipAddresses.forEach(ip -> sans.add(new GeneralName(GeneralName.iPAddress, ip)));
        try {
            JcaX509ExtensionUtils extensionUtils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    name, new BigInteger(SERIAL_NUMBER_BITS, RANDOM).add(BigInteger.ONE),
                    Date.from(notBefore), Date.from(notBefore.plus(validity)), name, keyPair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(sans.toArray(GeneralName[]::new)))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensionUtils.createSubjectKeyIdentifier(keyPair.getPublic()));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(keyPair.getPrivate())));
        } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a self-signed certificate", e);
        }
    }

    /** True if the certificate names itself as issuer and its own key verifies its signature. */
    static boolean isSelfSigned(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
