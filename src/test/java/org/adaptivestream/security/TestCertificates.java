package org.adaptivestream.security;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throw-away certificate authority and identities, all in memory. */
final class TestCertificates {

    private static long serial = 1;

    final KeyPair caKeys = SelfSignedCertificates.newKeyPair();
    final X509Certificate caCertificate;

    TestCertificates() throws Exception {
        X500Name name = new X500Name("CN=AdaptiveStream Test CA");
        Instant now = Instant.now();
        caCertificate = new JcaX509CertificateConverter().getCertificate(
                new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(serial++), Date.from(now.minusSeconds(3600)),
                        Date.from(now.plus(Duration.ofDays(1))), name, caKeys.getPublic())
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                        .addExtension(Extension.keyUsage, true,
                                new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
    }

    /** A server identity issued by this CA for the given IP address SAN. */
    ServerIdentity issueForIp(String ipAddress) throws Exception {
        KeyPair keys = SelfSignedCertificates.newKeyPair();
        Instant now = Instant.now();
        X509Certificate leaf = new JcaX509CertificateConverter().getCertificate(
                new JcaX509v3CertificateBuilder(new X500Name(caCertificate.getSubjectX500Principal().getName()),
                        BigInteger.valueOf(serial++), Date.from(now.minusSeconds(3600)),
                        Date.from(now.plus(Duration.ofDays(1))), new X500Name("CN=" + ipAddress), keys.getPublic())
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                        .addExtension(Extension.subjectAlternativeName, false,
                                new GeneralNames(new GeneralName(GeneralName.iPAddress, ipAddress)))
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
        return ServerIdentity.of(keys.getPrivate(), List.of(leaf, caCertificate));
    }

    KeyStore trustStore() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("test-ca", caCertificate);
        return store;
    }

    /** A valid self-signed loopback identity. */
    static ServerIdentity selfSigned() {
        return ServerIdentity.generate(List.of("localhost"), List.of("127.0.0.1"), Instant.now(),
                SelfSignedCertificates.DEFAULT_VALIDITY);
    }

    /** A self-signed loopback identity that expired yesterday. */
    static ServerIdentity expired() {
        return ServerIdentity.generate(List.of("localhost"), List.of("127.0.0.1"),
                Instant.now().minus(Duration.ofDays(30)), Duration.ofDays(29));
    }
}
