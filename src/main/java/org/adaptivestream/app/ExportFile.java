package org.adaptivestream.app;

import java.nio.file.Path;
import java.util.Locale;

/** Where an export the user asked for goes; the player's metrics and the comparison's result agree on it. */
public final class ExportFile {

    private ExportFile() {
    }

    /** The chosen name, with the format's extension added if it has none. */
    public static Path withExtension(Path file, String extension) {
        String name = file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith("." + extension) ? file : file.resolveSibling(name + "." + extension);
    }
}
