package org.adaptivestream.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target for {@code manifest.json}: a library folder may hold anything (a copied,
 * truncated or hand-edited file). Reading either gives a manifest that passes its own checks
 * or a {@link DamagedVideoException}; a manifest that reads writes back to JSON that reads as
 * the same manifest, and writing that again gives the same text. Corpus:
 * {@code ManifestFuzzTestInputs}.
 */
class ManifestFuzzTest {

    @FuzzTest(maxDuration = "3m")
    void manifestJson_readsOrIsDamagedAndRoundTrips(byte[] file) {
        String json = new String(file, StandardCharsets.UTF_8);
        Manifest manifest;
        try {
            manifest = ManifestJson.fromJson(json, "fuzzed manifest.json");
        } catch (DamagedVideoException e) {
            assertThat(e.getMessage()).startsWith("Corrupt manifest");
            return;
        }
        String written = ManifestJson.toJson(manifest);
        Manifest again;
        try {
            again = ManifestJson.fromJson(written, "re-written manifest.json");
        } catch (DamagedVideoException e) {
            throw new AssertionError("a manifest we read cannot be read back after writing it: " + written, e);
        }
        assertThat(again).isEqualTo(manifest);
        assertThat(ManifestJson.toJson(again)).isEqualTo(written);
    }
}
