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

    /** The workspace the running program was started with. */
    public static Workspace current() {
        Path home = Path.of(System.getProperty(HOME_PROPERTY, ".")).toAbsolutePath().normalize();
        return new Workspace(home, defaultConfigDir());
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
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("adaptivestream");
    }
}
