package org.adaptivestream.security;

/**
 * Asks the user whether to trust a server seen for the first time. The CLI answers from a flag
 * ({@code --trust-new}: {@link #acceptAlways()}, else {@link #refuse()}); the GUI shows a
 * dialog with the fingerprint.
 *
 * <p>Threading: called on the thread that called {@link TlsClient#connect}, after the first
 * handshake attempt has failed and its socket is closed; never during a handshake, so a user
 * may take their time without the server timing out. It may block (a GUI implementation hands
 * the question to the FX thread and waits for the answer). If it throws, the connect fails.
 */
@FunctionalInterface
public interface FirstContactPrompt {

    FirstContactDecision decide(String host, int port, CertificateFingerprint fingerprint);

    static FirstContactPrompt refuse() {
        return (host, port, fingerprint) -> FirstContactDecision.REFUSE;
    }

    static FirstContactPrompt acceptAlways() {
        return (host, port, fingerprint) -> FirstContactDecision.ACCEPT_ALWAYS;
    }
}
