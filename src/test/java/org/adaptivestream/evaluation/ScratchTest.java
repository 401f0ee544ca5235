package org.adaptivestream.evaluation;

import java.nio.file.Path;
import org.adaptivestream.adaptation.PolicyRegistry;
import org.adaptivestream.trace.CapacityTrace;
import org.adaptivestream.trace.TraceReader;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void run() throws Exception {
        CapacityTrace t = TraceReader.read(Path.of(System.getProperty("trace")));
        Simulator sim = Simulator.withDefaults(SimulationConfig.defaults().withDurationSeconds(Double.parseDouble(System.getProperty("secs", "60"))));
        SessionResult r = sim.run(PolicyRegistry.create(System.getProperty("policy", "default")), t);
        r.requests().stream().limit(40).forEach(System.out::println);
        for (GopOutcome g : r.gops()) {
            if (g.index() < Integer.getInteger("gops", 30)) System.out.printf("%d %s key %.3f last %.3f stall %.3f qoe %.2f cap %.2f%n", g.index(), g.rung(), g.keyframeDelaySeconds(), g.lastDelaySeconds(), g.stallSeconds(), g.qoe(), t.bitsPerSecondAt(g.releaseSeconds())/1e6);
        }
        System.out.println(r.metrics());
    }
}
