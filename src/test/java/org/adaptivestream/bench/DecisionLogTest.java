package org.adaptivestream.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.adaptivestream.adaptation.Decision;
import org.adaptivestream.adaptation.Ladder;
import org.adaptivestream.adaptation.PolicyInput;
import org.adaptivestream.adaptation.PolicyRegistry;
import org.adaptivestream.adaptation.estimate.LinkEstimates;
import org.adaptivestream.media.Rung;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real session's decision log: what the policy decided and saw, beside when the picture froze. */
class DecisionLogTest {

    @TempDir
    Path folder;

    private static PolicyInput input(double time, double capacity, Rung current, Rung requested, boolean stalled) {
        return new PolicyInput(time, LinkEstimates.ofCapacity(capacity), stalled ? 0 : 0.12, 0.15, stalled,
                OptionalDouble.empty(), current, requested, Ladder.nominal(), OptionalDouble.empty());
    }

    @Test
    void recordingPolicy_decidesAsTheWrappedOne_andKeepsWhatItSaw() {
        RecordingPolicy recording = new RecordingPolicy(PolicyRegistry.create("default"));
        PolicyInput fast = input(1.0, 20e6, Rung.R480P, Rung.R480P, false);
        PolicyInput dead = input(1.25, 0.3e6, Rung.R1080P, Rung.R720P, true);

        Decision first = recording.decide(fast);
        Decision second = recording.decide(dead);

        assertThat(recording.name()).isEqualTo("default");
        assertThat(first).isEqualTo(PolicyRegistry.create("default").decide(fast));
        assertThat(second).isEqualTo(PolicyRegistry.create("default").decide(dead));
        assertThat(recording.entries()).extracting(RecordingPolicy.Entry::timeSeconds).containsExactly(1.0, 1.25);
        RecordingPolicy.Entry last = recording.entries().get(1);
        assertThat(last.stalled()).isTrue();
        assertThat(last.arriving()).isEqualTo(Rung.R1080P);
        assertThat(last.requested()).isEqualTo(Rung.R720P);
        assertThat(last.decision()).isEqualTo(second);
    }

    @Test
    void write_putsEveryEventInTimeOrder_withTheReasonQuoted() throws Exception {
        Decision down = new Decision(Rung.R240P, "capacity 0.30 Mbit/s, \"dead\"");
        List<RecordingPolicy.Entry> decisions = List.of(
                new RecordingPolicy.Entry(0.50, 0.03, false, Rung.R480P, Rung.R480P, new Decision(Rung.R480P, "holding")),
                new RecordingPolicy.Entry(2.25, 0, true, Rung.R1080P, Rung.R720P, down));
        Path file = folder.resolve(DecisionLog.fileName("default", "TMobile LTE/short.down", 2));

        DecisionLog.write(file, 0.25, decisions, List.of(new RealSession.Frozen(2.0, 3.1)));

        assertThat(file.getFileName().toString()).isEqualTo("default_TMobile_LTE_short.down_run2.csv");
        assertThat(Files.readAllLines(file)).containsExactly(
                DecisionLog.HEADER,
                "0.250,play,,,,,,,",
                "0.500,decision,,480p,480p,480p,0.030,false,\"holding\"",
                "2.000,frozen,3.100,,,,,,",
                "2.250,decision,,1080p,720p,240p,0.000,true,\"capacity 0.30 Mbit/s, \"\"dead\"\"\"");
    }
}
