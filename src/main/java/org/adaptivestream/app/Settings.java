package org.adaptivestream.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the desktop app remembers between runs. Unknown fields from a newer version are
 * ignored and a missing or corrupt file gives the defaults, so settings can never stop the
 * app from starting.
 *
 * @param mode           "server", "client" or "" before the first choice
 * @param playMode       "adaptive" or "static"
 * @param rendition      the manual override: "auto" or a rung label
 * @param compareSeconds how long the static-versus-adaptive comparison runs
 * @param window         where the main window was last, or null for the default size, centred
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(
        String mode,
        String bindAddress,
        int serverPort,
        String host,
        int port,
        String lastVideo,
        String policy,
        String networkProfile,
        String staticRung,
        boolean darkTheme,
        boolean statsOverlay,
        String playMode,
        String rendition,
        int compareSeconds,
        WindowGeometry window) {

    /** The main window's place and size on the screen. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WindowGeometry(double x, double y, double width, double height, boolean maximized) {
        /** Sizes below these are taken for a damaged file: the window opens at its default size. */
        public static final double MIN_WIDTH = 400;
        public static final double MIN_HEIGHT = 300;

        boolean plausible() {
            return Double.isFinite(x) && Double.isFinite(y) && width >= MIN_WIDTH && height >= MIN_HEIGHT
                    && width < 100_000 && height < 100_000;
        }
    }

    public static final String FILE_NAME = "settings.json";
    public static final int MIN_COMPARE_SECONDS = 5;
    public static final int MAX_COMPARE_SECONDS = 600;
    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static Settings defaults() {
        return new Settings("", "127.0.0.1", 9443, "127.0.0.1", 9443, "", "default", "none", "1080p", false, true,
                "adaptive", "auto", 30, null);
    }

    public static Settings load(Path configDir) {
        Path file = configDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return defaults();
        }
        try {
            Settings read = JSON.readValue(file.toFile(), Settings.class);
            return read.withDefaultsForMissing();
        } catch (IOException e) {
            LOG.warn("Ignoring unreadable settings {}: {}", file, e.getMessage());
            return defaults();
        }
    }

    /** Writes atomically, so a crash or full disk mid-write leaves the previous settings. */
    public void save(Path configDir) throws IOException {
        Files.createDirectories(configDir);
        Path temp = Files.createTempFile(configDir, ".settings", ".tmp");
        try {
            JSON.writeValue(temp.toFile(), this);
            Files.move(temp, configDir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private Settings withDefaultsForMissing() {
        Settings d = defaults();
        return new Settings(
                orDefault(mode, d.mode),
                orDefault(bindAddress, d.bindAddress),
                serverPort >= 0 && serverPort < 65536 ? serverPort : d.serverPort,
                orDefault(host, d.host),
                port > 0 && port < 65536 ? port : d.port,
                orDefault(lastVideo, d.lastVideo),
                orDefault(policy, d.policy),
                orDefault(networkProfile, d.networkProfile),
                orDefault(staticRung, d.staticRung),
                darkTheme,
                statsOverlay,
                orDefault(playMode, d.playMode),
                orDefault(rendition, d.rendition),
                compareSeconds >= MIN_COMPARE_SECONDS && compareSeconds <= MAX_COMPARE_SECONDS ? compareSeconds : d.compareSeconds,
                window != null && window.plausible() ? window : null);
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    public Settings withMode(String value) {
        return new Settings(value, bindAddress, serverPort, host, port, lastVideo, policy, networkProfile, staticRung,
                darkTheme, statsOverlay, playMode, rendition, compareSeconds, window);
    }

    public Settings withServer(String newBindAddress, int newServerPort) {
        return new Settings(mode, newBindAddress, newServerPort, host, port, lastVideo, policy, networkProfile, staticRung,
                darkTheme, statsOverlay, playMode, rendition, compareSeconds, window);
    }

    public Settings withEndpoint(String newHost, int newPort) {
        return new Settings(mode, bindAddress, serverPort, newHost, newPort, lastVideo, policy, networkProfile, staticRung,
                darkTheme, statsOverlay, playMode, rendition, compareSeconds, window);
    }

    public Settings withLastVideo(String value) {
        return new Settings(mode, bindAddress, serverPort, host, port, value, policy, networkProfile, staticRung,
                darkTheme, statsOverlay, playMode, rendition, compareSeconds, window);
    }

    public Settings withPlayback(String newPlayMode, String newRendition, String newPolicy, String newStaticRung,
                                 String newNetworkProfile) {
        return new Settings(mode, bindAddress, serverPort, host, port, lastVideo, newPolicy, newNetworkProfile,
                newStaticRung, darkTheme, statsOverlay, newPlayMode, newRendition, compareSeconds, window);
    }

    public Settings withDarkTheme(boolean value) {
        return new Settings(mode, bindAddress, serverPort, host, port, lastVideo, policy, networkProfile, staticRung,
                value, statsOverlay, playMode, rendition, compareSeconds, window);
    }

    public Settings withStatsOverlay(boolean value) {
        return new Settings(mode, bindAddress, serverPort, host, port, lastVideo, policy, networkProfile, staticRung,
                darkTheme, value, playMode, rendition, compareSeconds, window);
    }

    public Settings withWindow(WindowGeometry value) {
        return new Settings(mode, bindAddress, serverPort, host, port, lastVideo, policy, networkProfile, staticRung,
                darkTheme, statsOverlay, playMode, rendition, compareSeconds, value);
    }

    public Settings withCompareSeconds(int value) {
        return new Settings(mode, bindAddress, serverPort, host, port, lastVideo, policy, networkProfile, staticRung,
                darkTheme, statsOverlay, playMode, rendition, value, window);
    }
}
