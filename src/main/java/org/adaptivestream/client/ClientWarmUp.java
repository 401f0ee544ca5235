package org.adaptivestream.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.adaptivestream.media.CodecConfig;
import org.adaptivestream.media.DecodeException;
import org.adaptivestream.media.FfmpegVideoDecoder;
import org.adaptivestream.protocol.MessageReader;
import org.adaptivestream.protocol.MessageWriter;
import org.adaptivestream.protocol.Welcome;
import org.adaptivestream.security.CertificateFingerprint;
import org.adaptivestream.security.ServerIdentity;
import org.adaptivestream.security.ServerVerifier;
import org.adaptivestream.security.TlsClient;
import org.adaptivestream.security.TlsContexts;
import org.adaptivestream.security.TlsHandshake;
import org.adaptivestream.security.TlsListener;
import org.adaptivestream.security.TlsPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Does, in the background, the one-time work a process's first connection would otherwise pay
 * for while the user waits: loading FFmpeg's native libraries and opening an H.264 decoder, and
 * bringing up the JDK's TLS stack. The latter is most of it in a cold JVM: finding the
 * {@code SunEC} provider (X25519, ECDSA) makes the JDK instantiate every security provider on
 * the module path before it, BouncyCastle's included (from signed jars, so every class is
 * hashed as it loads), and the key exchange, signature, cipher and handshake classes all load
 * and run interpreted for the first time. The warm-up runs those same steps on throwaway keys:
 * a ClientHello from a real client context (with its X25519 key share), an X25519 agreement,
 * an ECDSA P-256 signature and its check, AES-GCM, HMAC and SHA-256/384. Then, unless a real
 * connection has started by then, it makes {@value #LOOPBACK_HANDSHAKES} real TLS connections to
 * itself on 127.0.0.1 (a throwaway certificate, a one-connection listener on a free port that
 * closes right after): the code a handshake runs is then loaded and partly compiled, not
 * interpreted for the first time while the user waits. Nothing of it is kept; a connection made
 * meanwhile simply waits where it needs the same class or provider, and loses nothing. The
 * loopback handshakes are skipped once a real connection starts, so that a client that connects
 * at once (the command line) does not compete with them for the processor.
 *
 * <p>Start it as soon as a process may act as a client ({@link #start}): the desktop app at
 * launch, the {@code client} command before parsing its options. Setting the system property
 * {@value #PROPERTY} to {@code false} turns it off (to measure without it).
 */
public final class ClientWarmUp {

    /** System property; {@code false} disables {@link #start}. */
    public static final String PROPERTY = "adaptivestream.warmUp";

    private static final Logger LOG = LoggerFactory.getLogger(ClientWarmUp.class);
    private static final AtomicBoolean TLS_STARTED = new AtomicBoolean();
    private static final AtomicBoolean DECODER_STARTED = new AtomicBoolean();
    private static final int H264 = org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
    /** Enough for the hot parts of a handshake to get compiled; each costs a few milliseconds once warm. */
    static final int LOOPBACK_HANDSHAKES = 5;
    private static final Duration LOOPBACK_TIMEOUT = Duration.ofSeconds(5);
    private static volatile boolean connecting;

    private ClientWarmUp() {
    }

    /** Starts warming up TLS and the decoder on two daemon threads, once per process; returns at once. */
    public static void start() {
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY))) {
            return;
        }
        if (TLS_STARTED.compareAndSet(false, true)) {
            daemon(ClientWarmUp::warmTls, TLS_THREAD).start();
        }
        startDecoder();
    }

    /** A real connection is starting: the loopback handshakes are no longer worth their processor time. */
    static void connecting() {
        connecting = true;
    }

    /** Starts loading FFmpeg and opening a decoder, unless that already started; returns at once. */
    static void startDecoder() {
        if (DECODER_STARTED.compareAndSet(false, true)) {
            daemon(ClientWarmUp::warmDecoder, DECODER_THREAD).start();
        }
    }

    static final String TLS_THREAD = "client-warm-up-tls";
    static final String DECODER_THREAD = "client-warm-up-decoder";

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Returns whether every step ran; a failure only costs time, the first connection reports real problems. */
    static boolean warmTls() {
        long start = System.nanoTime();
        try {
            clientHello();
            primitives();
            int handshakes = connecting ? 0 : loopbackHandshakes(LOOPBACK_HANDSHAKES);
            LOG.debug("TLS warmed up in {} ms ({} loopback handshakes)", (System.nanoTime() - start) / 1_000_000, handshakes);
            return true;
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            LOG.debug("TLS warm-up stopped: {}", e.toString());
            return false;
        }
    }

    /** The client's own path: context, engine, policy, and the first flight with its key share. */
    private static void clientHello() throws SSLException {
        // Pinned to no real certificate: this engine never meets a server.
        ServerVerifier nobody = ServerVerifier.pinned(CertificateFingerprint.parse("00".repeat(32)));
        SSLEngine engine = TlsContexts.client(nobody).createSSLEngine("localhost", 9);
        engine.setUseClientMode(true);
        engine.setSSLParameters(TlsPolicy.apply(engine.getSSLParameters()));
        engine.beginHandshake();
        ByteBuffer flight = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        if (engine.wrap(ByteBuffer.allocate(0), flight).bytesProduced() == 0) {
            throw new SSLException("no ClientHello");
        }
        engine.closeOutbound();
    }

    /**
     * Up to {@code rounds} real connections, client and server in this process, each a TLS 1.3
     * handshake verified by a pinned fingerprint and one message; after the first, stops early
     * once a real connection starts. Returns how many were made.
     */
    static int loopbackHandshakes(int rounds) throws IOException {
        ServerIdentity identity = ServerIdentity.generate(List.of("localhost"), List.of("127.0.0.1"),
                Instant.now(), Duration.ofDays(1));
        InetAddress loopback = InetAddress.getLoopbackAddress();
        int made = 0;
        try (TlsListener listener = TlsListener.open(identity, new InetSocketAddress(loopback, 0))) {
            Thread peer = daemon(() -> servePeer(listener, rounds), "client-warm-up-peer");
            peer.start();
            ServerVerifier pinned = ServerVerifier.pinned(identity.fingerprint());
            for (; made < rounds && (made == 0 || !connecting); made++) {
                try (SSLSocket socket = TlsClient.connect(loopback.getHostAddress(), listener.getLocalPort(), pinned,
                        LOOPBACK_TIMEOUT)) {
                    new MessageReader(socket.getInputStream()).read();
                }
            }
        }
        return made;
    }

    /** The far end of {@link #loopbackHandshakes}: a handshake and a {@link Welcome} per connection, until closed. */
    private static void servePeer(TlsListener listener, int rounds) {
        for (int i = 0; i < rounds; i++) {
            try (SSLSocket socket = listener.accept().socket()) {
                TlsHandshake.complete(socket, LOOPBACK_TIMEOUT);
                new MessageWriter(socket.getOutputStream()).write(new Welcome(1, "warm-up", 0));
            } catch (IOException e) {
                return; // the listener closed: the warm-up is over
            }
        }
    }

    /** What answering the server takes: agreement, certificate check, record protection, key schedule. */
    private static void primitives() throws GeneralSecurityException {
        KeyPairGenerator xdh = KeyPairGenerator.getInstance("X25519");
        KeyPair ours = xdh.generateKeyPair();
        KeyPair theirs = xdh.generateKeyPair();
        KeyAgreement agreement = KeyAgreement.getInstance("X25519");
        agreement.init(ours.getPrivate());
        agreement.doPhase(theirs.getPublic(), true);
        byte[] secret = agreement.generateSecret();

        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair server = ec.generateKeyPair();
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(server.getPrivate());
        signer.update(secret);
        byte[] signature = signer.sign();
        Signature checker = Signature.getInstance("SHA256withECDSA");
        checker.initVerify(server.getPublic());
        checker.update(secret);
        checker.verify(signature);
        CertificateFactory.getInstance("X.509");

        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(secret, 0, 16, "AES"), new GCMParameterSpec(128, new byte[12]));
        gcm.doFinal(new byte[1024]);
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
        hmac.doFinal(secret);
        MessageDigest.getInstance("SHA-256").digest(secret);
        MessageDigest.getInstance("SHA-384").digest(secret);
    }

    /** Returns whether the decoder opened; as {@link #warmTls}, a failure only costs time. */
    static boolean warmDecoder() {
        long start = System.nanoTime();
        try (FfmpegVideoDecoder decoder = new FfmpegVideoDecoder()) {
            decoder.configure(new CodecConfig(H264, "h264", 16, 16, 1, 1_000_000, null));
            LOG.debug("decoder warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
            return true;
        } catch (DecodeException | RuntimeException | LinkageError e) {
            LOG.debug("decoder warm-up stopped: {}", e.toString());
            return false;
        }
    }
}
