package org.adaptivestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class BenchAbrCommandTest {

    private final CommandLineRun cli = new CommandLineRun();

    @TempDir
    Path folder;

    @Test
    void decisions_inSimulation_isRefusedBeforeAnyWork() {
        Path logs = folder.resolve("logs");

        int code = cli.run("bench", "abr", "--policies", "default", "--decisions", logs.toString());

        assertThat(code).isEqualTo(2);
        assertThat(cli.err.toString()).contains("--decisions applies to --mode real");
        assertThat(logs).doesNotExist();
    }

    @Test
    void decisions_whereAFileIs_isRefusedNamingIt() throws Exception {
        Path file = Files.writeString(folder.resolve("taken"), "not a folder");

        int code = cli.run("bench", "abr", "--mode", "real", "--policies", "default", "--decisions", file.toString());

        assertThat(code).isEqualTo(2);
        assertThat(cli.err.toString()).contains("--decisions " + file).contains("cannot create the folder");
    }

    @Test
    void foresight_addsItsRowsToTheTable_andANonPositiveViewIsRefused() {
        int code = cli.run("bench", "abr", "--policies", "default", "--seconds", "20", "--limit-traces", "1",
                "--foresight", "1,2");

        assertThat(code).isZero();
        assertThat(cli.out.toString()).contains("| foresight 1 s |", "| foresight 2 s, drops |");

        CommandLineRun refused = new CommandLineRun();
        assertThat(refused.run("bench", "abr", "--policies", "default", "--foresight", "0")).isEqualTo(2);
        assertThat(refused.err.toString()).contains("--foresight must be positive seconds");
    }
}
