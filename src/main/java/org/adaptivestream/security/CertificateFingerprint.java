package org.adaptivestream.security;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * The SHA-256 digest of a certificate's DER encoding: what a user compares by eye and what a
 * pin or a known-servers line stores. Shown as colon-separated upper-case hex, exactly like
 * {@code openssl x509 -noout -fingerprint -sha256}, or as 64 compact lower-case hex digits.
 */
public record CertificateFingerprint(String compact) {

    private static final int SHA256_BYTES = 32;
    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();

    public CertificateFingerprint {
        Objects.requireNonNull(compact, "compact");
        if (!compact.matches("[0-9a-f]{" + 2 * SHA256_BYTES + "}")) {
            throw new IllegalArgumentException("not 64 lower-case hex digits: " + compact);
        }
    }

    public static CertificateFingerprint of(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return new CertificateFingerprint(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint certificate", e);
        }
    }

    /**
     * Reads a fingerprint as users paste it: with or without colons (or spaces), any case,
     * optionally prefixed "SHA256:" or as openssl prints it ("sha256 Fingerprint=AB:CD:…").
     *
     * @throws IllegalArgumentException naming what is wrong with the text
     */
    public static CertificateFingerprint parse(String text) {
        Objects.requireNonNull(text, "text");
        String value = text.trim();
        int equals = value.lastIndexOf('=');
        if (equals >= 0 && value.substring(0, equals).toLowerCase(Locale.ROOT).contains("fingerprint")) {
            value = value.substring(equals + 1);
        } else if (value.regionMatches(true, 0, "sha256:", 0, 7)) {
            value = value.substring(7);
        }
        String hex = value.replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]*")) {
            throw new IllegalArgumentException("a SHA-256 fingerprint is hex digits, optionally colon-separated: '"
                    + text + "'");
        }
        if (hex.length() != 2 * SHA256_BYTES) {
            throw new IllegalArgumentException("a SHA-256 fingerprint has 64 hex digits, this has "
                    + hex.length() + ": '" + text + "'");
        }
        return new CertificateFingerprint(hex);
    }

    /** "AB:CD:…" (95 characters), as openssl prints it. */
    public String colonHex() {
        return COLON_HEX.formatHex(HexFormat.of().parseHex(compact));
    }

    /** True if this is the fingerprint of {@code certificate}. */
    public boolean matches(X509Certificate certificate) {
        // Constant-time compare is not needed: fingerprints are public.
        return equals(of(certificate));
    }

    @Override
    public String toString() {
        return colonHex();
    }
}
