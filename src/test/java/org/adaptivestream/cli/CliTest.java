package org.adaptivestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CliTest {

    @Test
    void version_printsPomVersion() {
        StringWriter out = new StringWriter();
        CommandLine cli = Cli.commandLine();
        cli.setOut(new PrintWriter(out));
        int code = cli.execute("--version");
        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("AdaptiveStream ").doesNotContain("${").doesNotContain("unknown");
    }

    @Test
    void unknownSubcommand_isAnErrorWithUsage() {
        StringWriter err = new StringWriter();
        CommandLine cli = Cli.commandLine();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("no-such-command");
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("no-such-command");
    }
}
