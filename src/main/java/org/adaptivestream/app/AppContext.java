package org.adaptivestream.app;

import java.util.concurrent.Executor;
import org.adaptivestream.Workspace;

/**
 * What every feature of the window shares: where files live, the settings, the two executors
 * (the FX thread and the background pool) and where messages go. Tests build one with
 * same-thread executors.
 *
 * @param fx         runs on the JavaFX thread ({@link UiThread#FX} in the app)
 * @param background runs slow work: network, decoding, preparing, file I/O
 */
public record AppContext(Workspace workspace, SettingsStore settings, Executor fx, Executor background, Notifier notifier) {
}
