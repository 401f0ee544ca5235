package org.adaptivestream.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestJsonTest {

    static Manifest manifest(String id) {
        List<RenditionEntry> renditions = Arrays.stream(Rung.values())
                .map(r -> new RenditionEntry(r.label(), r.width(), r.height(), r.label() + ".mp4",
                        r.targetBitsPerSecond(), r.targetBitsPerSecond() / 4, 120))
                .toList();
        return new Manifest(Manifest.FORMAT_VERSION, id, "A title", "a.mp4", new FrameRate(30000, 1001), 4_004_000,
                500, 15, 8, "2025-01-02T03:04:05Z", renditions);
    }

    @Test
    void roundTrip_writeThenRead_givesTheSameManifest(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("clip"));
        Manifest written = manifest("clip");
        ManifestJson.write(folder, written);
        assertThat(ManifestJson.read(folder)).isEqualTo(written);
        assertThat(Files.readString(folder.resolve(Manifest.FILE_NAME)))
                .contains("\"averageBitsPerSecond\"", "\"gopFrames\" : 15", "\"1080p.mp4\"");
    }

    @Test
    void read_unknownFields_areIgnored() throws Exception {
        String json = ManifestJson.toJson(manifest("clip")).replaceFirst("\\{", "{ \"addedLater\" : 1,");
        assertThat(ManifestJson.fromJson(json, "test").id()).isEqualTo("clip");
    }

    @Test
    void read_missingManifest_isDamaged(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("clip"));
        assertThatThrownBy(() -> ManifestJson.read(folder))
                .isInstanceOf(DamagedVideoException.class)
                .hasMessageContaining("Missing manifest").hasMessageContaining(folder.toString());
    }

    @Test
    void read_truncatedJson_isDamaged(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("clip"));
        String json = ManifestJson.toJson(manifest("clip"));
        Files.writeString(folder.resolve(Manifest.FILE_NAME), json.substring(0, json.length() / 2));
        assertThatThrownBy(() -> ManifestJson.read(folder))
                .isInstanceOf(DamagedVideoException.class).hasMessageContaining("Corrupt manifest");
    }

    @Test
    void read_pathInRenditionFile_isDamaged() {
        String json = ManifestJson.toJson(manifest("clip")).replace("\"240p.mp4\"", "\"../../etc/passwd\"");
        assertThatThrownBy(() -> ManifestJson.fromJson(json, "test")).isInstanceOf(DamagedVideoException.class);
    }

    @Test
    void read_idOfAnotherFolder_isDamaged(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("clip"));
        ManifestJson.write(folder, manifest("other"));
        assertThatThrownBy(() -> ManifestJson.read(folder))
                .isInstanceOf(DamagedVideoException.class).hasMessageContaining("\"other\"");
    }

    @Test
    void read_missingRendition_isDamaged() {
        String json = ManifestJson.toJson(manifest("clip"));
        String withoutLast = json.substring(0, json.lastIndexOf(", {")) + " ] }";
        assertThatThrownBy(() -> ManifestJson.fromJson(withoutLast, "test"))
                .isInstanceOf(DamagedVideoException.class).hasMessageContaining("3 renditions");
    }
}
