package org.adaptivestream.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerIdentityTest {

    private static final List<String> NAMES = List.of("localhost", "studio.example");

    @TempDir
    Path home;

    private Path certs() {
        return home.resolve("certs");
    }

    private ServerIdentity loadOrCreate(Clock clock) throws Exception {
        return ServerIdentity.loadOrCreate(certs(), clock, NAMES);
    }

    @Test
    void loadOrCreate_emptyFolder_createsP256SelfSignedCertificateWithLoopbackNames() throws Exception {
        ServerIdentity identity = loadOrCreate(Clock.systemUTC());
        X509Certificate certificate = identity.certificate();
        assertThat(certificate.getPublicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(((ECPublicKey) certificate.getPublicKey()).getParams().getCurve().getField().getFieldSize())
                .isEqualTo(256);
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(certificate.getSubjectAlternativeNames().stream().map(san -> san.get(1).toString())
                .collect(Collectors.toList()))
                .contains("localhost", "studio.example", "127.0.0.1")
                .anyMatch(ip -> ip.startsWith("0:0:0:0:0:0:0:1"));
        long validDays = Duration.between(certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant()).toDays();
        assertThat(validDays).isBetween(1L, 365L);
        assertThat(SelfSignedCertificates.isSelfSigned(certificate)).isTrue();
    }

    @Test
    void loadOrCreate_emptyFolder_writesOwnerOnlyKeyStoreAndMatchingPem() throws Exception {
        assumeTrue(SecureFiles.isPosix(home), "POSIX permissions");
        ServerIdentity identity = loadOrCreate(Clock.systemUTC());
        Path keyStore = certs().resolve(ServerIdentity.KEY_STORE_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyStore))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(certs()))).isEqualTo("rwx------");
        Path pem = certs().resolve(ServerIdentity.CERTIFICATE_FILE);
        X509Certificate fromPem = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(pem)));
        assertThat(CertificateFingerprint.of(fromPem)).isEqualTo(identity.fingerprint());
        try (var files = Files.list(certs())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(ServerIdentity.KEY_STORE_FILE, ServerIdentity.CERTIFICATE_FILE);
        }
    }

    @Test
    void loadOrCreate_secondStart_loadsSameIdentity() throws Exception {
        ServerIdentity first = loadOrCreate(Clock.systemUTC());
        ServerIdentity second = loadOrCreate(Clock.systemUTC());
        assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(second.privateKey().getEncoded()).isEqualTo(first.privateKey().getEncoded());
    }

    @Test
    void loadOrCreate_selfSignedCertificateExpired_renewsIt() throws Exception {
        ServerIdentity first = loadOrCreate(Clock.systemUTC());
        Clock aYearLater = Clock.offset(Clock.systemUTC(), Duration.ofDays(366));
        ServerIdentity renewed = loadOrCreate(aYearLater);
        assertThat(renewed.fingerprint()).isNotEqualTo(first.fingerprint());
        assertThat(renewed.certificate().getNotAfter().toInstant()).isAfter(aYearLater.instant());
        assertThat(loadOrCreate(aYearLater).fingerprint()).isEqualTo(renewed.fingerprint());
        assertThat(Files.readString(certs().resolve(ServerIdentity.CERTIFICATE_FILE)))
                .isEqualTo(renewed.certificatePem());
    }

    @Test
    void loadOrCreate_corruptKeyStore_throwsSayingWhatToDeleteAndKeepsFile() throws Exception {
        Files.createDirectories(certs());
        Path keyStore = certs().resolve(ServerIdentity.KEY_STORE_FILE);
        byte[] garbage = "not a key store".getBytes(StandardCharsets.UTF_8);
        Files.write(keyStore, garbage);
        assertThatThrownBy(() -> loadOrCreate(Clock.systemUTC()))
                .isInstanceOf(IdentityStoreException.class)
                .hasMessageContaining(keyStore.toString())
                .hasMessageContaining("delete")
                .hasMessageContaining("untouched");
        assertThat(Files.readAllBytes(keyStore)).isEqualTo(garbage);
    }

    @Test
    void loadOrCreate_keyStoreReadableByOthers_restrictsItToOwner() throws Exception {
        assumeTrue(SecureFiles.isPosix(home), "POSIX permissions");
        loadOrCreate(Clock.systemUTC());
        Path keyStore = certs().resolve(ServerIdentity.KEY_STORE_FILE);
        Files.setPosixFilePermissions(keyStore, PosixFilePermissions.fromString("rw-r--r--"));
        loadOrCreate(Clock.systemUTC());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyStore))).isEqualTo("rw-------");
    }

    @Test
    void loadOrCreate_pemDeleted_writesItAgainFromKeyStore() throws Exception {
        ServerIdentity identity = loadOrCreate(Clock.systemUTC());
        Path pem = certs().resolve(ServerIdentity.CERTIFICATE_FILE);
        Files.delete(pem);
        loadOrCreate(Clock.systemUTC());
        assertThat(Files.readString(pem)).isEqualTo(identity.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void loadOrCreate_expiredCaIssuedCertificate_refusesToReplaceIt() throws Exception {
        TestCertificates ca = new TestCertificates();
        ServerIdentity issued = ca.issueForIp("127.0.0.1");
        Files.createDirectories(certs());
        byte[] userKeyStore = issued.toPkcs12();
        Files.write(certs().resolve(ServerIdentity.KEY_STORE_FILE), userKeyStore);
        assertThat(loadOrCreate(Clock.systemUTC()).fingerprint()).isEqualTo(issued.fingerprint());
        assertThatThrownBy(() -> loadOrCreate(Clock.offset(Clock.systemUTC(), Duration.ofDays(30))))
                .isInstanceOf(IdentityStoreException.class).hasMessageContaining("expired on")
                .hasMessageContaining("not renewed automatically");
        assertThat(Files.readAllBytes(certs().resolve(ServerIdentity.KEY_STORE_FILE))).isEqualTo(userKeyStore);
    }
}
