package org.adaptivestream.security;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one TLS configuration both sides use: TLS 1.3 only, AEAD suites only, modern key
 * exchange groups only. Every socket made by this package goes through {@link #apply}.
 *
 * <p>Key-exchange groups: {@code SSLParameters.setNamedGroups} only exists from Java 20, so on
 * Java 17 the JDK reads the system property {@code jdk.tls.namedGroups}, once, when its TLS
 * classes initialise. {@link #installNamedGroups()} sets it; it runs when this class is first
 * used, which every factory in this package does before touching JSSE. If some other code
 * used TLS earlier in the same JVM the property comes too late on Java 17 (a warning is
 * logged); on Java 20+ {@link #apply} also sets the groups per socket, so it holds regardless.
 */
public final class TlsPolicy {

    public static final String PROTOCOL = "TLSv1.3";
    public static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");
    public static final List<String> NAMED_GROUPS = List.of("x25519", "secp256r1", "secp384r1");
    public static final String NAMED_GROUPS_PROPERTY = "jdk.tls.namedGroups";

    private static final Logger LOG = LoggerFactory.getLogger(TlsPolicy.class);
    private static final Method SET_NAMED_GROUPS = findSetNamedGroups();

    static {
        installNamedGroups();
    }

    private TlsPolicy() {
    }

    /**
     * Sets {@code jdk.tls.namedGroups} to {@link #NAMED_GROUPS}. Idempotent; happens
     * automatically, but an application may call it first thing in {@code main} to be sure it
     * precedes any other TLS use.
     */
    public static synchronized void installNamedGroups() {
        String wanted = String.join(",", NAMED_GROUPS);
        String current = System.getProperty(NAMED_GROUPS_PROPERTY);
        if (wanted.equals(current)) {
            return;
        }
        if (current != null) {
            LOG.warn("Overriding {}={} with {}", NAMED_GROUPS_PROPERTY, current, wanted);
        }
        System.setProperty(NAMED_GROUPS_PROPERTY, wanted);
    }

    /** Restricts parameters to the policy: protocol, suites, and (Java 20+) groups. */
    public static SSLParameters apply(SSLParameters parameters) {
        parameters.setProtocols(new String[] {PROTOCOL});
        parameters.setCipherSuites(CIPHER_SUITES.toArray(String[]::new));
        parameters.setUseCipherSuitesOrder(true);
        if (SET_NAMED_GROUPS != null) {
            try {
                SET_NAMED_GROUPS.invoke(parameters, (Object) NAMED_GROUPS.toArray(String[]::new));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot restrict TLS named groups", e);
            }
        }
        return parameters;
    }

    /** The per-socket group setter if this JDK has it (Java 20+), else null. */
    private static Method findSetNamedGroups() {
        try {
            return SSLParameters.class.getMethod("setNamedGroups", String[].class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** True if groups are also set per socket (Java 20+), not only through the property. */
    static boolean setsGroupsPerSocket() {
        return SET_NAMED_GROUPS != null;
    }
}
