package org.adaptivestream.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Frame lengths 0, 1, the maximum, one more, 64 MiB, 0x7FFFFFFF and negative, sent to a real
 * server running in a JVM with a 64 MB heap that exits on the first OutOfMemoryError
 * ({@link SmallHeapProbe}). Had the server allocated what a header claims before checking it,
 * that JVM would die; it must instead answer each case as the protocol says and stay up.
 */
@Timeout(90)
class SmallHeapFrameLimitsTest {

    @Test
    void hostileLengths_underA64MbHeap_refusedBeforeAllocatingAndTheServerStaysUp() throws Exception {
        String classPath = String.join(File.pathSeparator, Stream.of(
                        Path.of("target/test-classes").toAbsolutePath().toString(),
                        System.getProperty("jdk.module.path", ""),
                        System.getProperty("java.class.path", ""))
                .filter(s -> !s.isEmpty()).toList());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", classPath, SmallHeapProbe.class.getName()));
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try {
            output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            probe.destroyForcibly();
        }
        assertThat(probe.exitValue()).as("probe output:\n%s", output).isZero();
        assertThat(output)
                .contains("case length-0-bye: closed")
                .contains("case length-0-ping: ERROR PROTOCOL_VIOLATION then closed")
                .contains("case length-1-switch: ERROR INVALID_REQUEST then open")
                .contains("case length-1-ping: ERROR PROTOCOL_VIOLATION then closed")
                .contains("case length-max-video-packet: ERROR PROTOCOL_VIOLATION then closed")
                .contains("case length-max-plus-1: ERROR PROTOCOL_VIOLATION then closed")
                .contains("case length-64MiB: ERROR PROTOCOL_VIOLATION then closed")
                .contains("case length-0x7fffffff: ERROR PROTOCOL_VIOLATION then closed")
                .contains("case length-negative-1: ERROR PROTOCOL_VIOLATION then closed")
                .contains("case length-0x80000000: ERROR PROTOCOL_VIOLATION then closed")
                .contains("concurrent: 48/48 refused")
                .contains("heap: max ")
                .contains("alive: pong");
        long maxHeapMb = Long.parseLong(output.replaceAll("(?s).*heap: max (\\d+) MB.*", "$1"));
        assertThat(maxHeapMb).as("the probe really ran with a small heap").isLessThanOrEqualTo(64);
    }
}
