package org.adaptivestream.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class CertificateFingerprintTest {

    private static final String COMPACT = "3fa2" + "00".repeat(29) + "c9";
    private static final String COLONS = "3F:A2:" + "00:".repeat(29) + "C9";

    @Test
    void parse_acceptedSpellings_allEqual() {
        CertificateFingerprint expected = new CertificateFingerprint(COMPACT);
        assertThat(CertificateFingerprint.parse(COMPACT)).isEqualTo(expected);
        assertThat(CertificateFingerprint.parse(COMPACT.toUpperCase(Locale.ROOT))).isEqualTo(expected);
        assertThat(CertificateFingerprint.parse(COLONS)).isEqualTo(expected);
        assertThat(CertificateFingerprint.parse(COLONS.toLowerCase(Locale.ROOT))).isEqualTo(expected);
        assertThat(CertificateFingerprint.parse("  sha256 Fingerprint=" + COLONS + "\n")).isEqualTo(expected);
        assertThat(CertificateFingerprint.parse("SHA256:" + COMPACT)).isEqualTo(expected);
        assertThat(CertificateFingerprint.parse(COLONS.replace(':', ' '))).isEqualTo(expected);
    }

    @Test
    void colonHex_formatsLikeOpenssl() {
        assertThat(new CertificateFingerprint(COMPACT).colonHex()).isEqualTo(COLONS).hasSize(95);
    }

    @Test
    void parse_wrongLength_throwsWithDigitCount() {
        assertThatThrownBy(() -> CertificateFingerprint.parse("AB:CD"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 4");
    }

    @Test
    void parse_notHex_throws() {
        assertThatThrownBy(() -> CertificateFingerprint.parse(COMPACT.replace('c', 'g')))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hex");
    }

    @Test
    @Timeout(20)
    void of_certificate_matchesOpensslOutput(@TempDir Path dir) throws Exception {
        Path openssl = Path.of("/usr/bin/openssl");
        assumeTrue(Files.isExecutable(openssl), "openssl installed");
        ServerIdentity identity = TestCertificates.selfSigned();
        Path pem = dir.resolve("cert.pem");
        Files.writeString(pem, identity.certificatePem());
        Process process = new ProcessBuilder(openssl.toString(), "x509", "-noout", "-fingerprint", "-sha256",
                "-in", pem.toString()).redirectErrorStream(true).start();
        assertThat(process.waitFor(15, TimeUnit.SECONDS)).isTrue();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        assertThat(printed).endsWith("=" + identity.fingerprint().colonHex());
        assertThat(CertificateFingerprint.parse(printed)).isEqualTo(identity.fingerprint());
    }
}
