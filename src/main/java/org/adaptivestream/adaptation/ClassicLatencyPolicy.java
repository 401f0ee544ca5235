package org.adaptivestream.adaptation;

import java.util.Locale;
import org.adaptivestream.media.Rung;

/**
 * The rule of the earlier prototype, kept for comparison: the rung follows round-trip latency
 * alone, re-checked every {@value #EVALUATION_INTERVAL_SECONDS} s: under 50 ms 1080p, under
 * 100 ms 720p, under 150 ms 480p, otherwise 240p. It ignores capacity, so on a link slower than
 * the chosen bitrate it only notices once the queue it built shows in the RTT.
 *
 * <p>State: when it last evaluated and what it chose then; {@link #reset()} forgets both.
 */
public final class ClassicLatencyPolicy implements AdaptationPolicy {

    public static final double EVALUATION_INTERVAL_SECONDS = 5.0;
    public static final double RTT_FOR_1080P_SECONDS = 0.050;
    public static final double RTT_FOR_720P_SECONDS = 0.100;
    public static final double RTT_FOR_480P_SECONDS = 0.150;

    private double lastEvaluationSeconds = Double.NaN;
    private Decision held;

    @Override
    public String name() {
        return "classic";
    }

    @Override
    public Decision decide(PolicyInput input) {
        if (input.estimates().rttSeconds().isEmpty()) {
            return held != null ? held : new Decision(input.currentRung(), "classic: no RTT measured yet");
        }
        if (!Double.isNaN(lastEvaluationSeconds)
                && input.timeSeconds() - lastEvaluationSeconds < EVALUATION_INTERVAL_SECONDS) {
            return held;
        }
        lastEvaluationSeconds = input.timeSeconds();
        double rtt = input.estimates().rttSeconds().getAsDouble();
        held = new Decision(rungFor(rtt), reasonFor(rtt));
        return held;
    }

    /** The threshold rule itself. */
    public static Rung rungFor(double rttSeconds) {
        if (rttSeconds < RTT_FOR_1080P_SECONDS) {
            return Rung.R1080P;
        }
        if (rttSeconds < RTT_FOR_720P_SECONDS) {
            return Rung.R720P;
        }
        if (rttSeconds < RTT_FOR_480P_SECONDS) {
            return Rung.R480P;
        }
        return Rung.R240P;
    }

    private static String reasonFor(double rttSeconds) {
        Rung rung = rungFor(rttSeconds);
        String rtt = Ladder.millis(rttSeconds);
        return switch (rung) {
            case R1080P -> String.format(Locale.ROOT, "classic: RTT %s < 50 ms gives 1080p", rtt);
            case R720P -> String.format(Locale.ROOT, "classic: RTT %s < 100 ms gives 720p", rtt);
            case R480P -> String.format(Locale.ROOT, "classic: RTT %s < 150 ms gives 480p", rtt);
            case R240P -> String.format(Locale.ROOT, "classic: RTT %s >= 150 ms gives 240p", rtt);
        };
    }

    @Override
    public void reset() {
        lastEvaluationSeconds = Double.NaN;
        held = null;
    }
}
