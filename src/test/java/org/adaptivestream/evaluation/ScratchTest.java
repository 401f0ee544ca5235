package org.adaptivestream.evaluation;

import java.nio.file.Path;
import org.adaptivestream.trace.CapacityTrace;
import org.adaptivestream.trace.TraceReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("scratch")
class ScratchTest {
    @Test
    void run() throws Exception {
        CapacityTrace t = TraceReader.read(Path.of(System.getProperty("trace", "/tmp/tr/trace_10322_http---edition.cnn.com")));
        Simulator sim = Simulator.withDefaults(SimulationConfig.defaults().withDurationSeconds(Double.parseDouble(System.getProperty("secs", "30"))));
        StreamingModel m = sim.model(t);
        OptimumResult o = OfflineOptimum.solve(m);
        System.out.println("ceiling " + o.ceilingQoe() + " plan " + o.planResult().metrics().qoe() + " peak " + o.peakStates());
        System.out.println(o.plan());
        for (GopOutcome g : o.planResult().gops()) {
            System.out.printf("%d %s key %.3f last %.3f stall %.3f lat %.3f qoe %.2f busy %.3f%n", g.index(), g.rung(), g.keyframeDelaySeconds(), g.lastDelaySeconds(), g.stallSeconds(), g.latencySeconds(), g.qoe(), g.next().busyUntilSeconds());
        }
    }
}
