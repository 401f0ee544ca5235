package org.adaptivestream.jmh;

import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.adaptivestream.adaptation.AdaptationPolicy;
import org.adaptivestream.adaptation.Decision;
import org.adaptivestream.adaptation.Ladder;
import org.adaptivestream.adaptation.PolicyInput;
import org.adaptivestream.adaptation.PolicyRegistry;
import org.adaptivestream.adaptation.estimate.LinkEstimators;
import org.adaptivestream.media.Rung;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One {@code decide} step of each policy, on inputs made by feeding the real estimators 10 s
 * of a steady 8 Mbit/s link with 30 ms RTT. The policies come from {@link PolicyRegistry}:
 * {@link JmhMain} passes every registered name as the {@code policy} parameter, so new policies
 * are measured without editing this class (the literal list below is only JMH's fallback).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PolicyDecideBenchmark {

    @Param({PolicyRegistry.DEFAULT})
    public String policy;

    private AdaptationPolicy instance;
    private PolicyInput steady;
    private PolicyInput stalled;

    @Setup
    public void setUp() {
        instance = PolicyRegistry.create(policy);
        LinkEstimators estimators = new LinkEstimators();
        double now = 0;
        for (int frame = 0; frame < 300; frame++) {
            now = frame / 30.0;
            double bits = (frame % 15 == 0 ? 8 : 1) * 8e6 / 30 / 1.5;
            if (frame % 8 == 0) {
                estimators.onPong(now, 0.030);
            }
            estimators.onWholeFrame(now, now + 0.015 + bits / 8e6, bits);
        }
        Ladder ladder = Ladder.nominal();
        steady = new PolicyInput(now, estimators.snapshot(now), 0.06, 0.05, false, OptionalDouble.empty(),
                Rung.R720P, Rung.R720P, ladder, OptionalDouble.of(now - 5));
        stalled = new PolicyInput(now, estimators.snapshot(now), 0.0, 0.05, true, OptionalDouble.of(now - 1),
                Rung.R1080P, Rung.R1080P, ladder, OptionalDouble.of(now - 2));
    }

    @Benchmark
    public Decision decideSteady() {
        return instance.decide(steady);
    }

    @Benchmark
    public Decision decideStalled() {
        return instance.decide(stalled);
    }
}
