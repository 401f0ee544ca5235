package org.adaptivestream.security;

import java.io.IOException;

/**
 * The server's key or certificate files exist but cannot be used. The files are left as they
 * are (they may be the user's own keys); the message says which file and what to do.
 */
public final class IdentityStoreException extends IOException {

    private static final long serialVersionUID = 1L;

    public IdentityStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public IdentityStoreException(String message) {
        super(message);
    }
}
