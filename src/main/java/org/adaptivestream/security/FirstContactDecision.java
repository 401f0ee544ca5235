package org.adaptivestream.security;

/** The user's answer when a server is contacted for the first time (trust on first use). */
public enum FirstContactDecision {
    /** Trust it for connections made with this verifier, without saving it. */
    ACCEPT_ONCE,
    /** Trust it and save it to the known-servers file. */
    ACCEPT_ALWAYS,
    /** Do not connect. */
    REFUSE
}
