package org.adaptivestream.app.compare;

import java.util.List;
import org.adaptivestream.adaptation.Ladder;
import org.adaptivestream.evaluation.QoeFormula;
import org.adaptivestream.media.Rung;
import org.adaptivestream.metrics.Metric;
import org.adaptivestream.metrics.SessionMetrics;
import org.adaptivestream.metrics.TimeSeries;

/**
 * A played session scored by the project's one QoE formula ({@link QoeFormula}, docs/QOE.md),
 * the way {@code bench abr --mode real} scores real sessions: the session is cut into GOP-long
 * windows; each window counts the rung shown most in it and the time the client's stall
 * detector logged in it.
 *
 * <pre>
 *   QoE = Σ R(r_k) · (G − s_k)  −  μ · Σ s_k  −  Σ |R(r_k) − R(r_{k−1})|
 * </pre>
 *
 * with {@code R} in Mbit/s, {@code G} the GOP's seconds, {@code s_k} the frozen seconds in window
 * {@code k} and {@code μ} the top rung's Mbit/s. Units are Mbit: higher is better; playing the
 * top rung throughout with no stall scores top-rung Mbit/s × seconds.
 *
 * @param bitrateUtility Σ R(r_k) · (G − s_k): what the shown pictures are worth
 * @param stallPenalty   μ · Σ s_k
 * @param switchPenalty  Σ |ΔR| between consecutive windows
 * @param windows        how many GOP windows were scored
 */
public record QoeScore(double bitrateUtility, double stallPenalty, double switchPenalty, int windows) {

    public double total() {
        return bitrateUtility - stallPenalty - switchPenalty;
    }

    /**
     * Scores the session from its first shown frame: the resolution samples (taken four times
     * a second while playing) give each window's rung, the stall log its frozen time.
     */
    public static QoeScore of(SessionMetrics metrics, Ladder ladder, double gopSeconds) {
        if (!(gopSeconds > 0)) {
            throw new IllegalArgumentException("a GOP lasts a positive time, not " + gopSeconds + " s");
        }
        QoeFormula formula = new QoeFormula(ladder);
        TimeSeries.Points shown = metrics.series(Metric.RESOLUTION).all();
        if (shown.size() == 0) {
            return new QoeScore(0, 0, 0, 0);
        }
        List<SessionMetrics.Stall> stalls = metrics.stallLog();
        double start = shown.time(0);
        int count = (int) Math.floor((shown.time(shown.size() - 1) - start) / gopSeconds + 1e-9);
        double utility = 0;
        double stallPenalty = 0;
        double switchPenalty = 0;
        Rung previous = null;
        Rung last = rungOfHeight(shown.value(0));
        int sample = 0;
        for (int w = 0; w < count; w++) {
            double from = start + w * gopSeconds;
            double to = from + gopSeconds;
            int[] samples = new int[Rung.values().length];
            while (sample < shown.size() && shown.time(sample) < to) {
                samples[rungOfHeight(shown.value(sample)).ordinal()]++;
                sample++;
            }
            Rung rung = last;
            int most = 0;
            for (Rung r : Rung.values()) {
                if (samples[r.ordinal()] > most) {
                    most = samples[r.ordinal()];
                    rung = r;
                }
            }
            double frozen = 0;
            for (SessionMetrics.Stall stall : stalls) {
                double stallStart = stall.endSeconds() - stall.seconds();
                frozen += Math.max(0, Math.min(to, stall.endSeconds()) - Math.max(from, stallStart));
            }
            frozen = Math.min(gopSeconds, frozen);
            utility += formula.utility(rung, gopSeconds - frozen);
            stallPenalty += formula.stallPenalty(frozen);
            switchPenalty += formula.switchPenalty(previous, rung);
            previous = rung;
            last = rung;
        }
        return new QoeScore(utility, stallPenalty, switchPenalty, count);
    }

    /** The rung whose picture is this many lines high; the nearest one for anything else. */
    static Rung rungOfHeight(double lines) {
        Rung nearest = Rung.lowest();
        for (Rung r : Rung.values()) {
            if (Math.abs(r.height() - lines) < Math.abs(nearest.height() - lines)) {
                nearest = r;
            }
        }
        return nearest;
    }
}
