package org.adaptivestream.testkit;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;

/**
 * Hand-built TLS ClientHello records (RFC 5246 §7.4.1.2, RFC 8446 §4.1.2), for offering a
 * server what no JDK 17 client can be configured to offer: SSL 3.0, TLS 1.0 and 1.1 (disabled
 * in the JDK), or key-exchange groups outside the process-wide {@code jdk.tls.namedGroups}.
 */
public final class ClientHellos {

    public static final int SECP256R1 = 0x0017;
    public static final int SECP521R1 = 0x0019;
    public static final int X25519 = 0x001d;
    public static final int X448 = 0x001e;
    public static final int FFDHE2048 = 0x0100;

    private static final SecureRandom RANDOM = new SecureRandom();

    private ClientHellos() {
    }

    /** A pre-1.3 hello: {@code version} 0x0300 (SSL 3.0) .. 0x0303 (TLS 1.2), no supported_versions. */
    public static byte[] legacy(int version) {
        Bytes body = new Bytes().u16(version).raw(random(32)).u8(0);
        body.u16(6).u16(0xc02b).u16(0xc02f).u16(0x002f); // ECDHE-ECDSA-AES128-GCM, ECDHE-RSA-AES128-GCM, RSA-AES128-CBC
        body.u8(1).u8(0);
        Bytes extensions = new Bytes();
        extension(extensions, 0x000a, new Bytes().u16(4).u16(SECP256R1).u16(X25519)); // supported_groups
        extension(extensions, 0x000b, new Bytes().u8(1).u8(0));                       // ec_point_formats
        extension(extensions, 0x000d, new Bytes().u16(4).u16(0x0403).u16(0x0804));    // signature_algorithms
        body.u16(extensions.size()).raw(extensions.bytes());
        return record(Math.min(version, 0x0301), handshake(body));
    }

    /**
     * A TLS 1.3 hello offering {@code groups} and a key share for the first (random bytes of
     * the right length: enough for the server to choose, or refuse, a group).
     */
    public static byte[] tls13(int... groups) {
        Bytes body = new Bytes().u16(0x0303).raw(random(32)).u8(32).raw(random(32));
        body.u16(2).u16(0x1301).u8(1).u8(0); // TLS_AES_128_GCM_SHA256, no compression
        Bytes extensions = new Bytes();
        extension(extensions, 0x002b, new Bytes().u8(2).u16(0x0304));                 // supported_versions: 1.3
        Bytes groupList = new Bytes().u16(groups.length * 2);
        for (int g : groups) {
            groupList.u16(g);
        }
        extension(extensions, 0x000a, groupList);                                     // supported_groups
        extension(extensions, 0x000d, new Bytes().u16(4).u16(0x0403).u16(0x0804));    // signature_algorithms
        byte[] share = groups[0] == SECP256R1 ? p256Point() : random(keyShareLength(groups[0]));
        extension(extensions, 0x0033, new Bytes().u16(4 + share.length).u16(groups[0]).u16(share.length).raw(share));
        body.u16(extensions.size()).raw(extensions.bytes());
        return record(0x0301, handshake(body));
    }

    /** An uncompressed P-256 public key: random bytes are not a point on the curve, and the server checks. */
    private static byte[] p256Point() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
            generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            java.security.spec.ECPoint w = ((java.security.interfaces.ECPublicKey) generator.generateKeyPair().getPublic()).getW();
            return new Bytes().u8(4).raw(fixed32(w.getAffineX())).raw(fixed32(w.getAffineY())).bytes();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] fixed32(java.math.BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return out;
    }

    private static int keyShareLength(int group) {
        return switch (group) {
            case X25519 -> 32;
            case X448 -> 56;
            case SECP256R1 -> 65;
            case SECP521R1 -> 133;
            case FFDHE2048 -> 256;
            default -> 32;
        };
    }

    private static void extension(Bytes into, int type, Bytes data) {
        into.u16(type).u16(data.size()).raw(data.bytes());
    }

    private static byte[] handshake(Bytes body) {
        return new Bytes().u8(1).u24(body.size()).raw(body.bytes()).bytes(); // client_hello
    }

    private static byte[] record(int version, byte[] fragment) {
        return new Bytes().u8(0x16).u16(version).u16(fragment.length).raw(fragment).bytes();
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes u8(int v) {
            out.write(v);
            return this;
        }

        Bytes u16(int v) {
            return u8(v >>> 8).u8(v & 0xFF);
        }

        Bytes u24(int v) {
            return u8(v >>> 16).u16(v & 0xFFFF);
        }

        Bytes raw(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        int size() {
            return out.size();
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
