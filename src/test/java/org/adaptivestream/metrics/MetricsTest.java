package org.adaptivestream.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsTest {

    @Test
    void jitter_constantTransit_staysZero() {
        InterarrivalJitter jitter = new InterarrivalJitter();
        for (int i = 0; i < 100; i++) {
            jitter.add(i * 33_333L, 5_000_000L + i * 33_333L);
        }
        assertThat(jitter.jitterMicros()).isZero();
    }

    @Test
    void jitter_followsRfc3550Recurrence() {
        InterarrivalJitter jitter = new InterarrivalJitter();
        jitter.add(0, 1_000);
        // Transit grows by 1600 µs: J = 1600/16 = 100.
        assertThat(jitter.add(10_000, 12_600)).isCloseTo(100, within(1e-9));
        // Transit back down by 1600: J = 100 + (1600 − 100)/16 = 193.75.
        assertThat(jitter.add(20_000, 21_000)).isCloseTo(193.75, within(1e-9));
    }

    @Test
    void jitter_alternatingTransit_convergesToDeviation() {
        InterarrivalJitter jitter = new InterarrivalJitter();
        for (int i = 0; i < 1000; i++) {
            long transit = i % 2 == 0 ? 10_000 : 14_000;
            jitter.add(i * 33_000L, i * 33_000L + transit);
        }
        assertThat(jitter.jitterMicros()).isCloseTo(4_000, within(1.0));
    }

    @Test
    void clockSample_symmetricPath_givesOffsetAndRtt() {
        // Server clock 1 s ahead, 10 ms each way, 2 ms at the server.
        ClockSample sample = new ClockSample(0, 1_010_000, 1_012_000, 22_000);
        assertThat(sample.roundTripMicros()).isEqualTo(20_000);
        assertThat(sample.offsetMicros()).isEqualTo(1_000_000);
    }

    @Test
    void clockOffset_prefersLeastQueuedSample() {
        ClockOffsetEstimator estimator = new ClockOffsetEstimator();
        assertThat(estimator.offsetMicros()).isEmpty();
        assertThat(estimator.toClientClock(3_000_000)).as("no offset yet: no time on our clock").isEmpty();
        // A queued sample: 200 ms extra on the way back skews its offset by 100 ms.
        estimator.add(new ClockSample(0, 1_010_000, 1_010_000, 220_000));
        estimator.add(new ClockSample(1_000_000, 2_010_000, 2_010_000, 1_020_000));
        assertThat(estimator.offsetMicros()).hasValue(1_000_000);
        assertThat(estimator.toClientClock(3_000_000)).hasValue(2_000_000);
    }

    @Test
    void stallDetector_countsOnlyVisibleFreezes() {
        long frame = 33_333;
        StallDetector detector = new StallDetector(frame);
        // max(100 ms, 183 ms) at 30 fps.
        assertThat(detector.thresholdMicros()).isEqualTo(frame + 150_000);
        long t = 0;
        detector.frameShown(t);
        detector.frameShown(t += 2 * frame); // one dropped frame: not a stall
        assertThat(detector.stalls()).isZero();
        assertThat(detector.isStalled(t + 100_000)).isFalse();
        assertThat(detector.isStalled(t + 200_000)).isTrue();
        assertThat(detector.frameShown(t += 500_000)).isEqualTo(500_000 - frame);
        assertThat(detector.stalls()).isEqualTo(1);
        detector.restart();
        detector.frameShown(t + 10_000_000); // after a pause: not a stall
        assertThat(detector.stalls()).isEqualTo(1);
    }

    @Test
    void timeSeries_boundedRingKeepsNewest() {
        TimeSeries series = new TimeSeries();
        int n = TimeSeries.MAX_POINTS + 1000;
        for (int i = 0; i < n; i++) {
            series.add(i, i);
        }
        TimeSeries.Points all = series.all();
        assertThat(all.size()).isEqualTo(TimeSeries.MAX_POINTS);
        assertThat(all.time(0)).isEqualTo(1000);
        assertThat(all.time(all.size() - 1)).isEqualTo(n - 1);
        assertThat(series.since(n - 10).size()).isEqualTo(10);
    }

    @Test
    void points_percentileByNearestRank() {
        TimeSeries series = new TimeSeries();
        for (int i = 1; i <= 100; i++) {
            series.add(i, i);
        }
        assertThat(series.all().percentile(95)).isEqualTo(95);
        assertThat(series.all().mean()).isEqualTo(50.5);
        assertThat(new TimeSeries().all().percentile(95)).isNaN();
    }

    @Test
    void export_csvAndJsonHoldEverySample(@TempDir Path dir) throws Exception {
        SessionMetrics metrics = new SessionMetrics();
        metrics.record(Metric.RTT, 0.25, 12.5);
        metrics.record(Metric.RTT, 0.5, 14.5);
        metrics.record(Metric.RESOLUTION, 0.5, 720);
        metrics.record(Metric.JITTER, 0.5, Double.NaN); // never stored
        metrics.frameReceived(1000);
        metrics.frameDecoded();
        metrics.switched(new SwitchEvent(0.5, "480p", "720p", "throughput 3.4 Mbit/s × 0.8 ≥ 2.5 Mbit/s"));

        Path csv = dir.resolve("m.csv");
        MetricsExport.writeCsv(metrics, csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).first().isEqualTo("time_s,metric,value");
        assertThat(lines).contains("0.250,rtt_ms,12.5000", "0.500,resolution_p,720.0000");
        assertThat(lines).anyMatch(l -> l.startsWith("0.500,switch,\"480p -> 720p"));

        Path json = dir.resolve("m.json");
        MetricsExport.writeJson(metrics, json);
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.at("/summary/meanRttMillis").asDouble()).isEqualTo(13.5);
        assertThat(root.at("/summary/switches").asInt()).isEqualTo(1);
        assertThat(root.at("/series/rtt_ms/value")).hasSize(2);
        assertThat(root.at("/series/jitter_ms/value")).isEmpty();
        assertThat(root.at("/switches/0/to").asText()).isEqualTo("720p");
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(2); // no temporary files left behind
        }
    }
}
