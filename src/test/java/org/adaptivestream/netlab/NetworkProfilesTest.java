package org.adaptivestream.netlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.adaptivestream.trace.CapacityTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class NetworkProfilesTest {

    @TempDir
    Path folder;

    @Test
    void byName_everyBuiltInName_resolves() {
        assertThat(NetworkProfiles.names()).containsExactly(
                "fibre", "4g", "3g", "congested-wifi", "step-down", "trace:<file>");
        for (NetworkProfile profile : NetworkProfiles.builtIn()) {
            assertThat(NetworkProfiles.byName(profile.name())).isSameAs(profile);
        }
        assertThat(NetworkProfiles.byName(" Fibre ").name()).isEqualTo("fibre");
    }

    @Test
    void builtIns_haveTheAdvertisedShapes() {
        NetworkProfile fibre = NetworkProfiles.byName("fibre");
        assertThat(fibre.capacity().bitsPerSecondAt(3)).isEqualTo(100e6);
        assertThat(fibre.oneWayDelay()).isEqualTo(Duration.ofMillis(5));

        CapacityTrace steps = NetworkProfiles.byName("step-down").capacity();
        assertThat(steps.bitsPerSecondAt(10)).isEqualTo(5e6);
        assertThat(steps.bitsPerSecondAt(30)).isEqualTo(1e6);
        assertThat(steps.bitsPerSecondAt(50)).isEqualTo(5e6);
        assertThat(steps.periodSeconds()).isEqualTo(60);

        assertThat(NetworkProfiles.byName("3g").oneWayDelay()).isEqualTo(Duration.ofMillis(60));
        assertThat(NetworkProfiles.byName("4g").capacity().meanBitsPerSecond()).isBetween(2e6, 20e6);

        NetworkProfile wifi = NetworkProfiles.byName("congested-wifi");
        assertThat(wifi.jitter()).isPositive();
        assertThat(wifi.capacity().minBitsPerSecond()).isLessThan(wifi.capacity().meanBitsPerSecond() / 2);
        assertThat(NetworkProfiles.congestedWifiTrace().segments()).isEqualTo(wifi.capacity().segments());
    }

    @Test
    void byName_unknown_listsTheKnownNames() {
        assertThatThrownBy(() -> NetworkProfiles.byName("5g"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'5g'")
                .hasMessageContaining("fibre, 4g, 3g, congested-wifi, step-down, trace:<file>");
    }

    @Test
    void byName_traceFile_replaysItWithTheDefaultDelay() throws IOException {
        Path file = Files.writeString(folder.resolve("two-step.log"), "0 1.5\n1 3.0\n");

        NetworkProfile profile = NetworkProfiles.byName("trace:" + file);

        assertThat(profile.capacity().bitsPerSecondAt(0.5)).isEqualTo(1.5e6);
        assertThat(profile.capacity().bitsPerSecondAt(1.5)).isEqualTo(3e6);
        assertThat(profile.oneWayDelay()).isEqualTo(Duration.ofMillis(NetworkProfiles.TRACE_DEFAULT_DELAY_MILLIS));
    }

    @Test
    void byName_builtInTraceName_loadsTheBundledTrace() {
        assertThat(NetworkProfiles.byName("trace:hsdpa-train.log").capacity().name()).isEqualTo("hsdpa-train.log");
    }

    @Test
    void byName_missingTraceFile_saysSo() {
        assertThatThrownBy(() -> NetworkProfiles.byName("trace:" + folder.resolve("nope.log")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope.log")
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> NetworkProfiles.byName("trace:"))
                .hasMessageContaining("needs a trace file");
        assertThatThrownBy(() -> NetworkProfiles.byName("trace:" + folder))
                .hasMessageContaining("is a folder");
    }

    @Test
    void byName_corruptTraceFile_namesTheBadLine() throws IOException {
        Path file = Files.writeString(folder.resolve("bad.log"), "0 1.5\n1 fast\n");

        assertThatThrownBy(() -> NetworkProfiles.byName("trace:" + file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.log:2")
                .hasMessageContaining("'fast'");
    }

    @Test
    void profile_badSettings_areRefusedWithTheValue() {
        NetworkProfile fibre = NetworkProfiles.byName("fibre");
        assertThatThrownBy(() -> fibre.withQueueBytes(100)).hasMessageContaining("100 bytes");
        assertThatThrownBy(() -> fibre.withOneWayDelay(Duration.ofMillis(-1))).hasMessageContaining("-1 ms");
        assertThatThrownBy(() -> fibre.withJitter(Duration.ofMinutes(1))).hasMessageContaining("60000 ms");
        assertThatThrownBy(() -> fibre.withName(" ")).hasMessageContaining("name");
    }
}
