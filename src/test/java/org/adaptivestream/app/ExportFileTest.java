package org.adaptivestream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExportFileTest {

    @Test
    void withExtension_addsTheFormatsExtensionOnlyWhenMissing() {
        assertThat(ExportFile.withExtension(Path.of("/x/run"), "csv")).isEqualTo(Path.of("/x/run.csv"));
        assertThat(ExportFile.withExtension(Path.of("/x/run.CSV"), "csv")).isEqualTo(Path.of("/x/run.CSV"));
        assertThat(ExportFile.withExtension(Path.of("/x/run.csv"), "json")).isEqualTo(Path.of("/x/run.csv.json"));
    }
}
