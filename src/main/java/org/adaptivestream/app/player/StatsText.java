package org.adaptivestream.app.player;

import java.util.Optional;
import org.adaptivestream.app.Format;
import org.adaptivestream.media.Rung;
import org.adaptivestream.metrics.Metric;
import org.adaptivestream.metrics.SessionMetrics;
import org.adaptivestream.metrics.TimeSeries;

/** The stats overlay's text, one figure per line; the player and both sides of the comparison show it. */
public final class StatsText {

    private StatsText() {
    }

    public static String of(SessionMetrics m, double now, Optional<Rung> shown) {
        String rung = shown.map(r -> r.label() + "  " + r.width() + "×" + r.height()).orElse("–");
        return String.join("\n",
                "rung      " + rung,
                "bitrate   " + Format.measured(latest(m, Metric.THROUGHPUT, now), "%.2f Mbit/s")
                        + " (rung " + Format.measured(latest(m, Metric.RUNG_BITRATE, now), "%.2f") + ")",
                "fps       " + Format.measured(m.series(Metric.FPS).since(now - 1.5).mean(), "%.1f"),
                "RTT       " + Format.measured(latest(m, Metric.RTT, now), "%.1f ms"),
                "jitter    " + Format.measured(latest(m, Metric.JITTER, now), "%.2f ms"),
                "buffer    " + Format.measured(latest(m, Metric.BUFFER, now), "%.0f ms"),
                "dropped   " + m.framesDropped() + "   stalls " + m.stallCount());
    }

    private static double latest(SessionMetrics metrics, Metric metric, double now) {
        TimeSeries.Points points = metrics.series(metric).since(now - 2);
        return points.size() == 0 ? Double.NaN : points.value(points.size() - 1);
    }
}
