package org.adaptivestream.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownServersTest {

    private static final CertificateFingerprint A = new CertificateFingerprint("a1".repeat(32));
    private static final CertificateFingerprint B = new CertificateFingerprint("b2".repeat(32));

    @TempDir
    Path configDir;

    private static KnownServersFormatException parseError(String... lines) {
        return catchThrowableOfType(KnownServersFormatException.class,
                () -> KnownServers.parse(List.of(lines), Path.of("known-servers")));
    }

    @Test
    void parse_commentsBlankLinesAndIpv6_readsEntries() throws Exception {
        List<KnownServers.Entry> entries = KnownServers.parse(List.of(
                "# my servers",
                "",
                "   ",
                "Studio.Example:8443 " + A.colonHex() + "   # the big one",
                "[::1]:9000\t" + B.compact(),
                "127.0.0.1:1 sha256:" + A.compact()), null);
        assertThat(entries).containsExactly(
                new KnownServers.Entry("studio.example", 8443, A),
                new KnownServers.Entry("::1", 9000, B),
                new KnownServers.Entry("127.0.0.1", 1, A));
    }

    @Test
    void parse_missingPort_rejectedWithLineNumber() {
        KnownServersFormatException e = parseError("# header", "localhost " + A.colonHex());
        assertThat(e.lineNumber()).isEqualTo(2);
        assertThat(e).hasMessageContaining("line 2").hasMessageContaining("missing port");
    }

    @Test
    void parse_portOutOfRangeOrNotNumber_rejected() {
        assertThat(parseError("localhost:70000 " + A.compact())).hasMessageContaining("70000");
        assertThat(parseError("localhost:https " + A.compact())).hasMessageContaining("'https'");
        assertThat(parseError("localhost:0 " + A.compact())).hasMessageContaining("line 1");
    }

    @Test
    void parse_badFingerprint_rejected() {
        assertThat(parseError("localhost:8443 ABCD")).hasMessageContaining("64 hex digits");
    }

    @Test
    void parse_wrongFieldCount_rejected() {
        assertThat(parseError("localhost:8443")).hasMessageContaining("found 1");
        assertThat(parseError("localhost:8443 " + A.compact() + " extra")).hasMessageContaining("found 3");
    }

    @Test
    void parse_duplicateEndpoint_rejectedNamingFirstLine() {
        KnownServersFormatException e = parseError("LOCALHOST:8443 " + A.compact(), "localhost:8443 " + A.compact());
        assertThat(e.lineNumber()).isEqualTo(2);
        assertThat(e).hasMessageContaining("line 1");
    }

    @Test
    void parse_bracketInsideHost_rejected() {
        // Found by KnownServersFuzzTest: "[[1]:900" was accepted as host "[1" and written back unreadable.
        assertThat(parseError("[[1]:900 " + A.colonHex()).getMessage()).contains("not a host name");
        assertThat(parseError("a]b:900 " + A.colonHex()).getMessage()).contains("not a host name");
    }

    @Test
    void parse_ipv6WithoutBrackets_rejected() {
        assertThat(parseError("::1:8443 " + A.compact())).hasMessageContaining("[address]:port");
    }

    @Test
    void remember_newFile_writesHeaderAndLineOwnerOnly() throws Exception {
        KnownServers known = KnownServers.inConfigDir(configDir.resolve("adaptivestream"));
        known.remember("Localhost", 8443, A);
        known.remember("::1", 8443, B);
        assertThat(Files.readAllLines(known.file())).containsExactly(
                "# AdaptiveStream known servers: host:port SHA-256-fingerprint",
                "localhost:8443 " + A.colonHex(),
                "[::1]:8443 " + B.colonHex());
        assertThat(known.lookup("LOCALHOST", 8443)).contains(A);
        assertThat(known.lookup("localhost", 8444)).isEmpty();
        if (SecureFiles.isPosix(configDir)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(known.file())))
                    .isEqualTo("rw-------");
        }
        try (var files = Files.list(known.file().getParent())) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void remember_keepsExistingCommentsAndLines() throws Exception {
        KnownServers known = KnownServers.inConfigDir(configDir);
        Files.write(known.file(), List.of("# mine", "studio:1 " + A.compact()));
        known.remember("other", 2, B);
        assertThat(Files.readAllLines(known.file())).containsExactly(
                "# mine", "studio:1 " + A.compact(), "other:2 " + B.colonHex());
    }

    @Test
    void remember_differentFingerprintForKnownServer_refused() throws Exception {
        KnownServers known = KnownServers.inConfigDir(configDir);
        known.remember("studio", 1, A);
        known.remember("studio", 1, A);
        assertThatThrownBy(() -> known.remember("studio", 1, B)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(known.file().toString());
        assertThat(known.entries()).hasSize(1);
    }

    @Test
    void trustOnFirstUse_malformedFile_refusesNamingTheLine() throws Exception {
        KnownServers known = KnownServers.inConfigDir(configDir);
        Files.write(known.file(), List.of("garbage"));
        ServerIdentity identity = TestCertificates.selfSigned();
        ServerVerifier verifier = ServerVerifier.trustOnFirstUse(known, FirstContactPrompt.acceptAlways());
        UntrustedServerException refused = catchThrowableOfType(UntrustedServerException.class,
                () -> verifier.check("localhost", 1, new java.security.cert.X509Certificate[] {identity.certificate()},
                        "EC", null));
        assertThat(refused.reason()).isEqualTo(UntrustedServerException.Reason.KNOWN_SERVERS_UNREADABLE);
        assertThat(refused).hasMessageContaining("line 1");
    }
}
