package org.adaptivestream.client;

import org.adaptivestream.metrics.SwitchEvent;

/**
 * What a client tells its observers. Called on the client's threads: implementations must be
 * thread-safe and quick (the GUI hands these to the FX thread).
 */
public interface ClientListener {

    ClientListener NONE = new ClientListener() {
    };

    /** The connection state changed: connecting, playing, reconnecting, closed… */
    default void stateChanged(ClientState state, String detail) {
    }

    /** The first frame of a new rung was shown. */
    default void switched(SwitchEvent event) {
    }

    /** Something went wrong that the user should see; the client may still be usable. */
    default void error(String message) {
    }

    /** The video ended (not looping). */
    default void ended() {
    }
}
