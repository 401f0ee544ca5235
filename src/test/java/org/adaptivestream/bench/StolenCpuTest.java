package org.adaptivestream.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StolenCpuTest {

    @TempDir
    Path dir;

    @Test
    void share_isStolenOverAllTimeBetweenStartAndNow() throws Exception {
        Path stat = dir.resolve("stat");
        Files.writeString(stat, "cpu  100 0 100 700 0 0 0 100 50 0\ncpu0 50 0 50 350 0 0 0 50 25 0\n");
        StolenCpu stolen = StolenCpu.startingNow(stat);
        Files.writeString(stat, "cpu  200 0 200 1200 0 0 0 400 90 0\ncpu0 100 0 100 600 0 0 0 200 45 0\n");

        // 300 stolen of 1000 jiffies; guest time (the 9th column) is inside user time already.
        assertThat(stolen.share()).hasValueCloseTo(0.3, within(1e-9));
    }

    @Test
    void share_isUnknownWithoutTheStealColumnOrTheFile() throws Exception {
        Path old = dir.resolve("old");
        Files.writeString(old, "cpu  100 0 100 700\n");
        Path garbage = dir.resolve("garbage");
        Files.writeString(garbage, "cpu  a b c d e f g h\n");

        assertThat(StolenCpu.startingNow(old).share()).isEmpty();
        assertThat(StolenCpu.startingNow(garbage).share()).isEmpty();
        assertThat(StolenCpu.startingNow(dir.resolve("missing")).share()).isEmpty();
    }

    @Test
    void share_isUnknownWhenNoTimePassed() throws Exception {
        Path stat = dir.resolve("stat");
        Files.writeString(stat, "cpu  100 0 100 700 0 0 0 100 0 0\n");

        assertThat(StolenCpu.startingNow(stat).share()).isEmpty();
    }
}
