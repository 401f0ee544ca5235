package org.adaptivestream.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.adaptivestream.protocol.MessageReader;
import org.adaptivestream.protocol.Welcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real TLS handshakes on 127.0.0.1 with certificates made in memory. */
@Timeout(30)
class TlsConnectionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static ServerIdentity identity;
    private static ServerIdentity otherIdentity;

    @TempDir
    Path configDir;

    @BeforeAll
    static void makeIdentities() {
        identity = TestCertificates.selfSigned();
        otherIdentity = TestCertificates.selfSigned();
    }

    private static Welcome readWelcome(SSLSocket socket) throws Exception {
        return (Welcome) new MessageReader(socket.getInputStream()).read().orElseThrow();
    }

    @Test
    void connect_rightPin_negotiatesTls13WithAllowedSuiteAndCarriesMessages() throws Exception {
        try (LoopbackTlsServer server = new LoopbackTlsServer(identity);
             SSLSocket socket = TlsClient.connect(server.host(), server.port(),
                     ServerVerifier.pinned(identity.fingerprint()), TIMEOUT)) {
            assertThat(readWelcome(socket).serverName()).isEqualTo("test server");
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
            assertThat(TlsPolicy.CIPHER_SUITES).contains(socket.getSession().getCipherSuite());
            assertThat(server.nextOutcome()).startsWith("TLSv1.3 TLS_");
        }
    }

    @Test
    void connect_pinWrittenLowerCaseWithoutColons_accepted() throws Exception {
        CertificateFingerprint typed = CertificateFingerprint.parse(identity.fingerprint().compact());
        try (LoopbackTlsServer server = new LoopbackTlsServer(identity);
             SSLSocket socket = TlsClient.connect(server.host(), server.port(), ServerVerifier.pinned(typed), TIMEOUT)) {
            assertThat(readWelcome(socket)).isNotNull();
        }
    }

    @Test
    void connect_wrongPin_refusedNamingBothFingerprints() throws Exception {
        try (LoopbackTlsServer server = new LoopbackTlsServer(identity)) {
            UntrustedServerException refused = catchThrowableOfType(UntrustedServerException.class,
                    () -> TlsClient.connect(server.host(), server.port(),
                            ServerVerifier.pinned(otherIdentity.fingerprint()), TIMEOUT));
            assertThat(refused.reason()).isEqualTo(UntrustedServerException.Reason.FINGERPRINT_MISMATCH);
            assertThat(refused.presented()).contains(identity.fingerprint());
            assertThat(refused.getMessage()).contains(identity.fingerprint().colonHex())
                    .contains(otherIdentity.fingerprint().colonHex());
            // The server saw the handshake fail: nothing was exchanged.
            assertThatThrownBy(server::nextOutcome).isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void connect_expiredPinnedCertificate_refusedSayingExpired() throws Exception {
        ServerIdentity expired = TestCertificates.expired();
        try (LoopbackTlsServer server = new LoopbackTlsServer(expired)) {
            UntrustedServerException refused = catchThrowableOfType(UntrustedServerException.class,
                    () -> TlsClient.connect(server.host(), server.port(),
                            ServerVerifier.pinned(expired.fingerprint()), TIMEOUT));
            assertThat(refused.reason()).isEqualTo(UntrustedServerException.Reason.EXPIRED);
            assertThat(refused.getMessage()).contains("EXPIRED");
        }
    }

    @Test
    void connect_tofuFirstContactRefusedByPrompt_refusedAndNothingSaved() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        KnownServers known = KnownServers.inConfigDir(configDir);
        ServerVerifier verifier = ServerVerifier.trustOnFirstUse(known, (host, port, fingerprint) -> {
            asked.incrementAndGet();
            assertThat(fingerprint).isEqualTo(identity.fingerprint());
            return FirstContactDecision.REFUSE;
        });
        try (LoopbackTlsServer server = new LoopbackTlsServer(identity)) {
            UntrustedServerException refused = catchThrowableOfType(UntrustedServerException.class,
                    () -> TlsClient.connect(server.host(), server.port(), verifier, TIMEOUT));
            assertThat(refused.reason()).isEqualTo(UntrustedServerException.Reason.FIRST_CONTACT_REFUSED);
            assertThat(refused.getMessage()).contains(identity.fingerprint().colonHex());
            assertThat(asked).hasValue(1);
            assertThat(Files.exists(known.file())).isFalse();
        }
    }

    @Test
    void connect_tofuAcceptedAlways_savedAndTrustedNextTimeWithoutPrompt() throws Exception {
        KnownServers known = KnownServers.inConfigDir(configDir);
        try (LoopbackTlsServer server = new LoopbackTlsServer(identity)) {
            try (SSLSocket socket = TlsClient.connect(server.host(), server.port(),
                    ServerVerifier.trustOnFirstUse(known, FirstContactPrompt.acceptAlways()), TIMEOUT)) {
                assertThat(readWelcome(socket)).isNotNull();
            }
            assertThat(known.lookup(server.host(), server.port())).contains(identity.fingerprint());

            ServerVerifier later = ServerVerifier.trustOnFirstUse(known, (h, p, f) -> {
                throw new AssertionError("a known server must not be prompted for");
            });
            try (SSLSocket socket = TlsClient.connect(server.host(), server.port(), later, TIMEOUT)) {
                assertThat(readWelcome(socket)).isNotNull();
            }
        }
    }

    @Test
    void connect_tofuAcceptedOnce_notSavedButTrustedBySameVerifier() throws Exception {
        KnownServers known = KnownServers.inConfigDir(configDir);
        AtomicInteger asked = new AtomicInteger();
        ServerVerifier verifier = ServerVerifier.trustOnFirstUse(known, (h, p, f) -> {
            asked.incrementAndGet();
            return FirstContactDecision.ACCEPT_ONCE;
        });
        try (LoopbackTlsServer server = new LoopbackTlsServer(identity)) {
            for (int i = 0; i < 2; i++) {
                try (SSLSocket socket = TlsClient.connect(server.host(), server.port(), verifier, TIMEOUT)) {
                    assertThat(readWelcome(socket)).isNotNull();
                }
            }
        }
        assertThat(asked).hasValue(1);
        assertThat(Files.exists(known.file())).isFalse();
    }

    @Test
    void connect_tofuCertificateChanged_refusedNamingBothFingerprintsWithoutPrompt() throws Exception {
        KnownServers known = KnownServers.inConfigDir(configDir);
        try (LoopbackTlsServer server = new LoopbackTlsServer(otherIdentity)) {
            known.remember(server.host(), server.port(), identity.fingerprint());
            ServerVerifier verifier = ServerVerifier.trustOnFirstUse(known, (h, p, f) -> {
                throw new AssertionError("a changed certificate must not be prompted for");
            });
            ServerCertificateChangedException changed = catchThrowableOfType(ServerCertificateChangedException.class,
                    () -> TlsClient.connect(server.host(), server.port(), verifier, TIMEOUT));
            assertThat(changed.reason()).isEqualTo(UntrustedServerException.Reason.CERTIFICATE_CHANGED);
            assertThat(changed.expected()).isEqualTo(identity.fingerprint());
            assertThat(changed.presented()).contains(otherIdentity.fingerprint());
            assertThat(changed.getMessage()).contains(identity.fingerprint().colonHex())
                    .contains(otherIdentity.fingerprint().colonHex()).contains(known.file().toString());
        }
    }

    @Test
    void connect_tls12OnlyClient_refusedByServer() throws Exception {
        try (LoopbackTlsServer server = new LoopbackTlsServer(identity);
             SSLSocket socket = (SSLSocket) TlsContexts.client(ServerVerifier.pinned(identity.fingerprint()))
                     .getSocketFactory().createSocket(server.host(), server.port())) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setProtocols(new String[] {"TLSv1.2"});
            parameters.setCipherSuites(new String[] {"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"});
            socket.setSSLParameters(parameters);
            assertThatThrownBy(() -> TlsHandshake.complete(socket, TIMEOUT)).isInstanceOf(SSLHandshakeException.class);
            assertThatThrownBy(server::nextOutcome).hasCauseInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void connect_caSignedForThisAddress_accepted() throws Exception {
        TestCertificates ca = new TestCertificates();
        try (LoopbackTlsServer server = new LoopbackTlsServer(ca.issueForIp("127.0.0.1"));
             SSLSocket socket = TlsClient.connect("127.0.0.1", server.port(),
                     ServerVerifier.certificateAuthority(ca.trustStore()), TIMEOUT)) {
            assertThat(readWelcome(socket)).isNotNull();
            assertThat(socket.getSSLParameters().getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
        }
    }

    @Test
    void connect_caSignedForAnotherHost_refusedAsHostNameMismatch() throws Exception {
        TestCertificates ca = new TestCertificates();
        try (LoopbackTlsServer server = new LoopbackTlsServer(ca.issueForIp("10.1.2.3"))) {
            UntrustedServerException refused = catchThrowableOfType(UntrustedServerException.class,
                    () -> TlsClient.connect("127.0.0.1", server.port(),
                            ServerVerifier.certificateAuthority(ca.trustStore()), TIMEOUT));
            assertThat(refused.reason()).isEqualTo(UntrustedServerException.Reason.HOST_NAME_MISMATCH);
            assertThat(refused.getMessage()).contains("127.0.0.1");
        }
    }

    @Test
    void connect_caModeWithSelfSignedServer_refusedAsChainInvalid() throws Exception {
        TestCertificates ca = new TestCertificates();
        try (LoopbackTlsServer server = new LoopbackTlsServer(identity)) {
            UntrustedServerException refused = catchThrowableOfType(UntrustedServerException.class,
                    () -> TlsClient.connect("127.0.0.1", server.port(),
                            ServerVerifier.certificateAuthority(ca.trustStore()), TIMEOUT));
            assertThat(refused.reason()).isEqualTo(UntrustedServerException.Reason.CHAIN_INVALID);
        }
    }

    @Test
    void handshake_peerSendsNothing_serverGivesUpAtDeadline() throws Exception {
        try (LoopbackTlsServer server = new LoopbackTlsServer(identity, Duration.ofMillis(300));
             Socket silent = new Socket(server.host(), server.port())) {
            assertThatThrownBy(server::nextOutcome).hasCauseInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void check_emptyChain_refusedByEveryVerifier() throws Exception {
        List<ServerVerifier> verifiers = List.of(
                ServerVerifier.pinned(identity.fingerprint()),
                ServerVerifier.trustOnFirstUse(configDir, FirstContactPrompt.acceptAlways()),
                ServerVerifier.systemCertificateAuthorities());
        for (ServerVerifier verifier : verifiers) {
            UntrustedServerException refused = catchThrowableOfType(UntrustedServerException.class,
                    () -> verifier.check("localhost", 8443, new java.security.cert.X509Certificate[0], "EC", null));
            assertThat(refused.reason()).as(verifier.describe()).isEqualTo(UntrustedServerException.Reason.EMPTY_CHAIN);
        }
    }

    @Test
    void policy_namedGroupsRestricted() throws Exception {
        TlsContexts.client(ServerVerifier.pinned(identity.fingerprint()));
        assertThat(System.getProperty(TlsPolicy.NAMED_GROUPS_PROPERTY)).isEqualTo("x25519,secp256r1,secp384r1");
        if (TlsPolicy.setsGroupsPerSocket()) {
            SSLParameters parameters = TlsPolicy.apply(new SSLParameters());
            Object groups = SSLParameters.class.getMethod("getNamedGroups").invoke(parameters);
            assertThat((String[]) groups).containsExactly("x25519", "secp256r1", "secp384r1");
        }
    }
}
