package org.adaptivestream.evaluation;

import org.adaptivestream.adaptation.AdaptationPolicy;
import org.adaptivestream.trace.CapacityTrace;

/**
 * Streams one session under a policy over a network following a trace, and reports what the
 * viewer got. The simulator is one implementation; a runner that drives the real server and
 * client through the network lab is another, so benchmarks compare both the same way.
 */
public interface SessionRunner {

    /** A short name for reports: "sim", "real". */
    String mode();

    /** Runs one session; {@code policy} is fresh (or reset) and used by this session only. */
    SessionResult run(AdaptationPolicy policy, CapacityTrace trace);
}
