package org.adaptivestream.security;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * SSLContexts for the server and the client. Prefer {@link TlsListener} and
 * {@link TlsClient}, which also apply {@link TlsPolicy} to each socket; sockets made from
 * these contexts directly must be given {@code TlsPolicy.apply(...)} parameters by hand.
 */
public final class TlsContexts {

    static {
        TlsPolicy.installNamedGroups();
    }

    private TlsContexts() {
    }

    /** A server context presenting {@code identity}; it asks for no client certificate. */
    public static SSLContext server(ServerIdentity identity) {
        try {
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(identity.toKeyStore(), ServerIdentity.keyStorePassword());
            return context(keyManagers.getKeyManagers(), null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the server TLS context", e);
        }
    }

    /**
     * A client context that accepts servers only as {@code verifier} decides. A new context
     * per connection (as {@link TlsClient} does) also means no session is resumed without
     * going through the verifier again.
     */
    public static SSLContext client(ServerVerifier verifier) {
        return context(null, new TrustManager[] {new VerifyingTrustManager(verifier)});
    }

    /** A client context that verifies the server as {@code host:port}, whatever address is dialled. */
    static SSLContext client(ServerVerifier verifier, String host, int port) {
        return context(null, new TrustManager[] {new VerifyingTrustManager(verifier, host, port)});
    }

    private static SSLContext context(KeyManager[] keyManagers, TrustManager[] trustManagers) {
        try {
            SSLContext context = SSLContext.getInstance(TlsPolicy.PROTOCOL);
            context.init(keyManagers, trustManagers, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no " + TlsPolicy.PROTOCOL, e);
        }
    }
}
