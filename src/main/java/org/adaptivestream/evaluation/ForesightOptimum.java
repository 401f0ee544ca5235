package org.adaptivestream.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.adaptivestream.media.Rung;

/**
 * What knowing the link a few seconds ahead is worth: a clairvoyant with a short view. Before
 * each GOP it knows the trace exactly for the next {@code lookahead} seconds and nothing after,
 * finds the best plan over them ({@link OfflineOptimum}'s search, from the state the session is
 * in), streams that plan's first GOP and looks again (a receding horizon, as model-predictive
 * control does with a forecast).
 *
 * <p>A policy only estimates the link from what has already crossed it. With a view long
 * enough for a switch to pay for itself (2 s on our traces), the gap between a policy and this
 * row is what better prediction could still win, and the gap between this row and the optimum
 * is what that view cannot see. A shorter view is myopic rather than a bound: it pays a
 * switch's penalty without seeing the GOPs that repay it, and can score below a policy that
 * plans further on estimates (1 s does, on two of our three trace sets). Plans are cut at the
 * view's end, so one may leave a queue just past it; with a view as long as the trace this is
 * the optimum.
 *
 * <p>Without drops on purpose it chooses only rungs, skipping a GOP only where the lag limit
 * forces it; with them it may also leave any GOP unsent, as the optimum may (docs/QOE.md, "The
 * optimum").
 */
public final class ForesightOptimum {

    private ForesightOptimum() {
    }

    /** The summary row's name, e.g. "foresight 2 s" or "foresight 2 s, drops". */
    public static String name(double lookaheadSeconds, boolean dropsOnPurpose) {
        return String.format(Locale.ROOT, "foresight %s s%s", seconds(lookaheadSeconds), dropsOnPurpose ? ", drops" : "");
    }

    /** Streams the whole trace, deciding each GOP on {@code lookaheadSeconds} (at least one GOP) of the trace ahead. */
    public static SessionResult run(StreamingModel model, double lookaheadSeconds, boolean dropsOnPurpose) {
        if (!(lookaheadSeconds > 0)) {
            throw new IllegalArgumentException("lookahead must be positive, not " + lookaheadSeconds + " s");
        }
        int view = Math.max(1, (int) Math.round(lookaheadSeconds / model.config().gopSeconds()));
        int n = model.gopCount();
        List<GopOutcome> gops = new ArrayList<>(n);
        StreamState state = StreamState.START;
        for (int k = 0; k < n; k++) {
            Rung rung = model.mustSkip(state, k) ? null
                    : OfflineOptimum.bestFirstStep(model, state, k, Math.min(n, k + view), dropsOnPurpose);
            GopOutcome g = rung == null ? model.skip(state, k) : model.step(state, k, rung);
            gops.add(g);
            state = g.next();
        }
        return new SessionResult(name(lookaheadSeconds, dropsOnPurpose), model.trace().name(), gops, List.of(),
                SessionMetrics.of(gops, model.qoe().ladder(), model.config().gopSeconds()));
    }

    private static String seconds(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
