package org.adaptivestream.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fuzz target for recorded trace files in both formats (seconds-and-Mbit/s lines, Mahimahi
 * delivery opportunities): a trace given with {@code --network trace:FILE} is the user's file.
 * Reading gives a {@link TraceFormatException} or a usable trace: starting at 0, segments in
 * order, finite non-negative rates, a finite positive period with some capacity in it. A
 * time-throughput trace, written back as its segments, reads as the same segments. Corpus:
 * {@code TraceFuzzTestInputs}.
 */
class TraceFuzzTest {

    @FuzzTest(maxDuration = "3m")
    void read_refusesOrGivesUsableTrace(byte[] file) {
        CapacityTrace trace;
        try {
            trace = TraceReader.read("fuzzed.log", new StringReader(new String(file, StandardCharsets.UTF_8)));
        } catch (TraceFormatException e) {
            assertThat(e.getMessage()).contains("fuzzed.log");
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("a string reader does not fail", e);
        }
        List<CapacityTrace.Segment> segments = trace.segments();
        assertThat(segments).isNotEmpty();
        assertThat(segments.get(0).startSeconds()).isZero();
        for (int i = 1; i < segments.size(); i++) {
            assertThat(segments.get(i).startSeconds()).isGreaterThan(segments.get(i - 1).startSeconds());
        }
        assertThat(segments).allSatisfy(s -> assertThat(s.bitsPerSecond()).isFinite().isNotNegative());
        assertThat(trace.periodSeconds()).isFinite().isPositive()
                .isGreaterThan(segments.get(segments.size() - 1).startSeconds());
        assertThat(trace.meanBitsPerSecond()).isFinite().isPositive();

        if (isTimeThroughput(file)) {
            StringBuilder text = new StringBuilder();
            for (CapacityTrace.Segment s : segments) {
                text.append(s.startSeconds()).append(' ').append(s.bitsPerSecond() / 1e6).append('\n');
            }
            CapacityTrace again;
            try {
                again = TraceReader.read("fuzzed.log", new StringReader(text.toString()));
            } catch (IOException | TraceFormatException e) {
                throw new AssertionError("a trace we read does not read once written:\n" + text, e);
            }
            assertThat(again.segments()).hasSameSizeAs(segments);
            for (int i = 0; i < segments.size(); i++) {
                assertThat(again.segments().get(i).startSeconds()).isEqualTo(segments.get(i).startSeconds());
                assertThat(again.segments().get(i).bitsPerSecond())
                        .isCloseTo(segments.get(i).bitsPerSecond(), org.assertj.core.data.Percentage.withPercentage(1e-9));
            }
        }
    }

    private static boolean isTimeThroughput(byte[] file) {
        return new String(file, StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst()
                .map(l -> l.split("\\s+").length == 2).orElse(false);
    }
}
