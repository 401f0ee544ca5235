package org.adaptivestream.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings in use, saved after every change. Saving is file I/O, so it runs on the
 * background executor; each save writes the newest settings, so saves finishing out of order
 * can never leave an older value on disk.
 */
public final class SettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);

    private final Path configDir;
    private final Executor io;
    private final Object saveLock = new Object();
    private volatile Settings current;

    public SettingsStore(Path configDir, Settings initial, Executor io) {
        this.configDir = configDir;
        this.current = initial;
        this.io = io;
    }

    /** Reads the settings file (or the defaults); call off the FX thread. */
    public static SettingsStore load(Path configDir, Executor io) {
        return new SettingsStore(configDir, Settings.load(configDir), io);
    }

    public Settings get() {
        return current;
    }

    public synchronized void update(UnaryOperator<Settings> change) {
        Settings changed = change.apply(current);
        if (changed.equals(current)) {
            return;
        }
        current = changed;
        io.execute(this::saveNewest);
    }

    private void saveNewest() {
        synchronized (saveLock) {
            try {
                current.save(configDir);
            } catch (IOException e) {
                LOG.warn("Could not save settings to {}: {}", configDir, e.getMessage());
            }
        }
    }
}
