package org.adaptivestream.evaluation;

import java.util.List;
import org.adaptivestream.trace.CapacityTrace;
import org.adaptivestream.trace.CapacityTrace.Segment;

/** Links scripted for tests: constant, one step from one rate to another, or one outage. */
final class ScriptedTraces {

    private ScriptedTraces() {
    }

    static CapacityTrace steady(double bitsPerSecond, double seconds) {
        return CapacityTrace.of("steady", List.of(new Segment(0, bitsPerSecond)), seconds);
    }

    static CapacityTrace step(double before, double stepSeconds, double after, double seconds) {
        return CapacityTrace.of("step", List.of(new Segment(0, before), new Segment(stepSeconds, after)), seconds);
    }

    /** {@code bitsPerSecond} except for nothing at all from {@code from} to {@code to}. */
    static CapacityTrace outage(double bitsPerSecond, double from, double to, double seconds) {
        return CapacityTrace.of("outage", List.of(new Segment(0, bitsPerSecond), new Segment(from, 0),
                new Segment(to, bitsPerSecond)), seconds);
    }

    /** Simulates {@code seconds} of streaming: the simulator's clock is the fake clock of these tests. */
    static Simulator simulator(double seconds) {
        return Simulator.withDefaults(SimulationConfig.defaults().withDurationSeconds(seconds));
    }
}
