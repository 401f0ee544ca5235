package org.adaptivestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class NetlabCommandTest {

    private final CommandLineRun cli = new CommandLineRun();

    @TempDir
    Path folder;

    @Test
    void netlab_forOneSecond_listensRelaysAndReports() throws IOException {
        try (ServerSocket upstream = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int code = cli.run("netlab", "--upstream", "127.0.0.1:" + upstream.getLocalPort(),
                    "--profile", "step-down", "--delay-ms", "35", "--duration", "1");

            assertThat(code).as(cli.err.toString()).isZero();
            assertThat(cli.out.toString())
                    .contains("step-down", "delay 35 ms", "listening on 127.0.0.1:", "capacity    5.00 Mbit/s");
        }
    }

    @Test
    void netlab_traceWithoutProfile_replaysTheFile() throws IOException {
        Path trace = Files.writeString(folder.resolve("flat.log"), "0 2.0\n1 2.0\n");
        try (ServerSocket upstream = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int code = cli.run("netlab", "--upstream", "localhost:" + upstream.getLocalPort(),
                    "--trace", trace.toString(), "--duration", "1");

            assertThat(code).as(cli.err.toString()).isZero();
            assertThat(cli.out.toString()).contains("trace:", "flat.log", "delay 40 ms", "capacity    2.00 Mbit/s");
        }
    }

    @Test
    void netlab_unknownProfile_failsListingProfiles() {
        int code = cli.run("netlab", "--upstream", "127.0.0.1:9", "--profile", "5g");

        assertThat(code).isNotZero();
        assertThat(cli.err.toString()).contains("no network profile named '5g'", "congested-wifi");
    }

    @Test
    void netlab_badInputs_failWithClearMessages() {
        assertThat(cli.run("netlab", "--upstream", "127.0.0.1", "--profile", "3g")).isNotZero();
        assertThat(cli.err.toString()).contains("'127.0.0.1' is not HOST:PORT");

        assertThat(cli.run("netlab", "--upstream", "127.0.0.1:70000", "--profile", "3g")).isNotZero();
        assertThat(cli.err.toString()).contains("outside 1..65535");

        assertThat(cli.run("netlab", "--upstream", "127.0.0.1:9")).isNotZero();
        assertThat(cli.err.toString()).contains("give --profile NAME or --trace FILE");

        assertThat(cli.run("netlab", "--upstream", "127.0.0.1:9", "--trace", folder.resolve("none.log").toString())).isNotZero();
        assertThat(cli.err.toString()).contains("none.log", "does not exist");
    }

    @Test
    void netlab_portInUse_failsNamingIt() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int code = cli.run("netlab", "--upstream", "127.0.0.1:9", "--profile", "fibre",
                    "--listen", String.valueOf(taken.getLocalPort()));

            assertThat(code).isEqualTo(1);
            assertThat(cli.err.toString()).contains("cannot listen on", String.valueOf(taken.getLocalPort()));
        }
    }
}
