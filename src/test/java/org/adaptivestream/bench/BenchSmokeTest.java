package org.adaptivestream.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.adaptivestream.media.Rung;
import org.adaptivestream.protocol.Frame;
import org.adaptivestream.protocol.MessageReader;
import org.adaptivestream.protocol.MessageWriter;
import org.adaptivestream.protocol.VideoPacket;
import org.adaptivestream.testkit.TestVideos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The benchmarks run end to end on the small test videos and produce measurements. These check
 * that the commands work, not how fast anything is: figures belong in docs/BENCHMARKS.md.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class BenchSmokeTest {

    @Test
    void clientCost_twoSeconds_showsFramesAndCountsClientCpu() throws Exception {
        ClientCostBenchmark bench = new ClientCostBenchmark(TestVideos.catalog(), TestVideos.identity(), "beta");
        ClientCostBenchmark.Result result = bench.run(Rung.R240P, 2, Optional.empty(), 500);
        assertThat(result.framesShown()).isPositive();
        assertThat(result.clientCpu()).isPositive();
        assertThat(result.clientCpuByThread()).containsKey("client-playout");
        assertThat(result.ffmpegCpuPerStream()).isNaN();
    }

    @Test
    void serverLoad_threeClients_countsPacketsWithoutBreakingAStream() throws Exception {
        ServerLoadBenchmark bench = new ServerLoadBenchmark(TestVideos.catalog(), TestVideos.identity(), "beta");
        ServerLoadBenchmark.Step step = bench.run(3, 1, Rung.R240P, 500);
        assertThat(step.failure()).isNull();
        assertThat(step.packets()).isPositive();
        assertThat(step.throughputMbps()).isPositive();
        assertThat(step.serverCpuTotal()).isPositive();
    }

    @Test
    void serverLoad_unknownVideo_isAFailedStepNotAnException() throws Exception {
        ServerLoadBenchmark bench = new ServerLoadBenchmark(TestVideos.catalog(), TestVideos.identity(), "no-such-video");
        ServerLoadBenchmark.Step step = bench.run(1, 0.5, Rung.R240P, 300);
        assertThat(step.held()).isFalse();
        assertThat(step.failure()).contains("ERROR");
    }

    @Test
    void latency_bothPaths_measureFirstFrameAndSendToShown() throws Exception {
        LatencyBenchmark bench = new LatencyBenchmark(TestVideos.catalog(), TestVideos.identity(), "beta");
        List<LatencyBenchmark.PathResult> results = bench.run(0, 1, 0, line -> { });
        assertThat(results).hasSize(2);
        for (LatencyBenchmark.PathResult path : results) {
            assertThat(path.coldConnectToFirstFrameMillis()).isPositive();
            assertThat(path.sendToShown().samples()).isPositive();
        }
        // Through the lab every frame crosses the emulated 20 ms one-way delay at least once.
        assertThat(results.get(1).sendToShown().p50()).isGreaterThan(LatencyBenchmark.EMULATED_ONE_WAY_DELAY_MILLIS);
    }

    @Test
    void ptsOfAndSequenceOf_readTheFieldsOfAnEncodedVideoPacket() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new MessageWriter(bytes).write(new VideoPacket(Rung.R720P, 123_456_789L, 5, true, 7, 9, new byte[] {1, 2}));
        Frame frame = new MessageReader(new java.io.ByteArrayInputStream(bytes.toByteArray())).readFrame().orElseThrow();
        assertThat(LoadClient.ptsOf(frame.payload())).isEqualTo(123_456_789L);
        assertThat(LoadClient.sequenceOf(frame.payload())).isEqualTo(9);
    }

    @Test
    void percentiles_ofKnownValues() {
        LatencyBenchmark.Percentiles p = LatencyBenchmark.Percentiles.of(List.of(5.0, 1.0, 4.0, 2.0, 3.0));
        assertThat(p.p50()).isEqualTo(3.0);
        assertThat(p.max()).isEqualTo(5.0);
        assertThat(LatencyBenchmark.Percentiles.of(List.of()).samples()).isZero();
    }
}
