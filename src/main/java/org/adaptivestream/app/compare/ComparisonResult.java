package org.adaptivestream.app.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.adaptivestream.metrics.MetricsSummary;

/**
 * What one static-versus-adaptive run measured, and how to read it.
 *
 * @param staticSide   the left player, holding one rung
 * @param adaptiveSide the right player, adapting
 */
public record ComparisonResult(String video, String network, double seconds, Side staticSide, Side adaptiveSide) {

    /** One player's figures. */
    public record Side(String label, MetricsSummary summary, QoeScore qoe, Map<String, Object> metrics) {
    }

    /** A row of the comparison: a figure for each side. */
    public record Row(String figure, String unit, double staticValue, double adaptiveValue) {
    }

    public List<Row> rows() {
        MetricsSummary s = staticSide.summary();
        MetricsSummary a = adaptiveSide.summary();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Average RTT", "ms", s.meanRttMillis(), a.meanRttMillis()));
        rows.add(new Row("p95 RTT", "ms", s.p95RttMillis(), a.p95RttMillis()));
        rows.add(new Row("Average delivery delay", "ms", s.meanDelayMillis(), a.meanDelayMillis()));
        rows.add(new Row("p95 delivery delay", "ms", s.p95DelayMillis(), a.p95DelayMillis()));
        rows.add(new Row("Average jitter", "ms", s.meanJitterMillis(), a.meanJitterMillis()));
        rows.add(new Row("Stalls", "count", s.stalls(), a.stalls()));
        rows.add(new Row("Stall time", "s", s.stalledSeconds(), a.stalledSeconds()));
        rows.add(new Row("Average resolution", "lines", s.meanResolutionLines(), a.meanResolutionLines()));
        rows.add(new Row("Average bitrate", "Mbit/s", s.meanBitrateMbps(), a.meanBitrateMbps()));
        rows.add(new Row("Switches", "count", s.switches(), a.switches()));
        rows.add(new Row("Dropped frames", "count", s.framesDropped(), a.framesDropped()));
        rows.add(new Row("QoE", "Mbit", staticSide.qoe().total(), adaptiveSide.qoe().total()));
        return rows;
    }

    /** One line saying which side did better and why. */
    public String verdict() {
        double qs = staticSide.qoe().total();
        double qa = adaptiveSide.qoe().total();
        MetricsSummary s = staticSide.summary();
        MetricsSummary a = adaptiveSide.summary();
        String winner;
        if (Math.abs(qa - qs) < 0.02 * Math.max(1, Math.max(Math.abs(qa), Math.abs(qs)))) {
            winner = "A tie";
        } else if (qa > qs) {
            winner = "Adaptive wins";
        } else {
            winner = "Static wins";
        }
        return String.format(Locale.ROOT,
                "%s on %s: QoE %.1f (%s) against %.1f (%s); stalls %d (%.1f s) against %d (%.1f s); "
                        + "average resolution %.0f against %.0f lines; p95 RTT %s against %s.",
                winner, network, qa, adaptiveSide.label(), qs, staticSide.label(),
                a.stalls(), a.stalledSeconds(), s.stalls(), s.stalledSeconds(),
                nanToZero(a.meanResolutionLines()), nanToZero(s.meanResolutionLines()),
                ms(a.p95RttMillis()), ms(s.p95RttMillis()));
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.0f ms", v);
    }

    /** CSV: one row per figure, a column per side. */
    public String toCsv() {
        StringBuilder csv = new StringBuilder("figure,unit,").append(quote(staticSide.label())).append(',')
                .append(quote(adaptiveSide.label())).append('\n');
        for (Row row : rows()) {
            csv.append(quote(row.figure())).append(',').append(row.unit()).append(',')
                    .append(number(row.staticValue())).append(',').append(number(row.adaptiveValue())).append('\n');
        }
        return csv.toString();
    }

    /** The JSON document: setup, verdict, and each side's summary, QoE parts and full time series. */
    public Map<String, Object> toJsonTree() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("video", video);
        root.put("network", network);
        root.put("seconds", seconds);
        root.put("verdict", verdict());
        root.put("qoe_formula", "mean bitrate Mbit/s x seconds - top-rung Mbit/s x stall seconds - sum |delta Mbit/s| per switch");
        root.put("static", side(staticSide));
        root.put("adaptive", side(adaptiveSide));
        return root;
    }

    private static Map<String, Object> side(Side side) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", side.label());
        m.put("qoe", side.qoe().total());
        m.put("bitrate_utility", side.qoe().bitrateUtility());
        m.put("stall_penalty", side.qoe().stallPenalty());
        m.put("switch_penalty", side.qoe().switchPenalty());
        m.put("session", side.metrics());
        return m;
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
