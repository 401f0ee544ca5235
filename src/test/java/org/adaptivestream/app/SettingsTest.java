package org.adaptivestream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void save_thenLoad_givesTheSameSettings() throws Exception {
        Settings changed = Settings.defaults().withMode("client").withDarkTheme(true).withEndpoint("media.lan", 9000)
                .withPlayback("static", "480p", "buffer", "720p", "3g").withCompareSeconds(45).withStatsOverlay(false)
                .withServer("0.0.0.0", 9000).withLastVideo("talk")
                .withWindow(new Settings.WindowGeometry(40, 30, 1400, 900, false));
        changed.save(dir);
        assertThat(Settings.load(dir)).isEqualTo(changed);
    }

    @Test
    void load_olderFileWithoutNewFields_fillsDefaults() throws Exception {
        Files.writeString(dir.resolve(Settings.FILE_NAME), "{\"mode\":\"server\",\"port\":9000,\"futureField\":1}");
        Settings loaded = Settings.load(dir);
        assertThat(loaded.mode()).isEqualTo("server");
        assertThat(loaded.port()).isEqualTo(9000);
        assertThat(loaded.playMode()).isEqualTo("adaptive");
        assertThat(loaded.rendition()).isEqualTo("auto");
        assertThat(loaded.compareSeconds()).isEqualTo(30);
    }

    @Test
    void load_implausibleWindow_opensAtTheDefaultSize() throws Exception {
        Settings.defaults().withWindow(new Settings.WindowGeometry(0, 0, 3, 2, false)).save(dir);
        assertThat(Settings.load(dir).window()).isNull();
        Files.writeString(dir.resolve(Settings.FILE_NAME), "{\"mode\":\"client\",\"window\":{\"x\":\"left\"}}");
        assertThat(Settings.load(dir)).isEqualTo(Settings.defaults());
    }

    @Test
    void load_corruptFile_givesDefaults() throws Exception {
        Files.writeString(dir.resolve(Settings.FILE_NAME), "{not json");
        assertThat(Settings.load(dir)).isEqualTo(Settings.defaults());
    }

    @Test
    void store_update_savesOnTheIoExecutor() {
        SettingsStore store = new SettingsStore(dir, Settings.defaults(), Runnable::run);
        store.update(s -> s.withMode("server"));
        assertThat(Settings.load(dir).mode()).isEqualTo("server");
    }
}
