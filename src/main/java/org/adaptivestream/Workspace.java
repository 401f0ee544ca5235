package org.adaptivestream;

import java.nio.file.Path;

/**
 * Where the app keeps its files. The media library ({@code static/}) and the server's keys
 * ({@code certs/}) live under a home folder: the system property {@code adaptivestream.home}
 * (the launcher sets it to the checkout) or else the working directory. Per-user state
 * (known servers, settings) lives in the user's configuration folder.
 */
public record Workspace(Path home, Path configDir) {

    public static final String HOME_PROPERTY = "adaptivestream.home";
    public static final String CONFIG_PROPERTY = "adaptivestream.config";
    /** "user" for an installed app: data, settings and caches in the user's folders. */
    public static final String LAYOUT_PROPERTY = "adaptivestream.layout";

    /** The workspace the running program was started with. */
    public static Workspace current() {
        String configured = System.getProperty(HOME_PROPERTY);
        Path home = configured != null ? Path.of(configured)
                : isUserLayout() ? xdg("XDG_DATA_HOME", ".local/share").resolve("adaptivestream")
                : Path.of(".");
        return new Workspace(home.toAbsolutePath().normalize(), defaultConfigDir());
    }

    /**
     * For an installed app whose launcher cannot name the user's folders (jpackage's cannot
     * expand {@code $HOME}): puts FFmpeg's and JavaFX's native caches in the user's cache
     * folder unless the launcher chose. Call before anything loads native code.
     */
    public static void placeNativeCaches() {
        if (!isUserLayout()) {
            return;
        }
        Path cache = xdg("XDG_CACHE_HOME", ".cache").resolve("adaptivestream");
        if (System.getProperty("org.bytedeco.javacpp.cachedir") == null) {
            System.setProperty("org.bytedeco.javacpp.cachedir", cache.resolve("javacpp").toString());
        }
        if (System.getProperty("javafx.cachedir") == null) {
            System.setProperty("javafx.cachedir", cache.resolve("openjfx").toString());
        }
    }

    private static boolean isUserLayout() {
        return "user".equals(System.getProperty(LAYOUT_PROPERTY));
    }

    private static Path xdg(String variable, String fallbackUnderHome) {
        String value = System.getenv(variable);
        return value != null && !value.isBlank() ? Path.of(value)
                : Path.of(System.getProperty("user.home")).resolve(fallbackUnderHome);
    }

    /** A workspace rooted at a folder, with its configuration inside it; for tests and tools. */
    public static Workspace at(Path home) {
        return new Workspace(home.toAbsolutePath().normalize(), home.resolve("config"));
    }

    public Path staticDir() {
        return home.resolve("static");
    }

    public Path certsDir() {
        return home.resolve("certs");
    }

    private static Path defaultConfigDir() {
        String configured = System.getProperty(CONFIG_PROPERTY);
        if (configured != null) {
            return Path.of(configured);
        }
        return xdg("XDG_CONFIG_HOME", ".config").resolve("adaptivestream");
    }
}
