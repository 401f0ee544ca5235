package org.adaptivestream.app;

/**
 * Where view models send what the user must see. The window shows errors as ControlsFX
 * notifications and in the status bar; tests record them. Call on the FX thread.
 */
public interface Notifier {

    /** Something failed; the message says what and, where it can, what to do. */
    void error(String title, String message);

    /** Something worth a glance: a finished export, a started server. */
    void info(String message);

    Notifier NONE = new Notifier() {
        @Override
        public void error(String title, String message) {
        }

        @Override
        public void info(String message) {
        }
    };
}
