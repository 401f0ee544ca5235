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

    /** How much later a side's pictures must arrive than the other's before the verdict says so. */
    static final double LAG_NOTE_MIN_EXTRA_MILLIS = 1000;

    /**
     * Which side did better by the QoE (within 2 % is a tie), then each side's stalls, resolution
     * and delivery delay. The QoE does not charge for latency, so when the winner's pictures
     * arrived much later than the loser's the line says so.
     */
    public String verdict() {
        double qs = staticSide.qoe().total();
        double qa = adaptiveSide.qoe().total();
        StringBuilder line = new StringBuilder();
        Side winner = qa >= qs ? adaptiveSide : staticSide;
        Side loser = winner == adaptiveSide ? staticSide : adaptiveSide;
        if (Math.abs(qa - qs) < 0.02 * Math.max(1, Math.max(Math.abs(qa), Math.abs(qs)))) {
            line.append(String.format(Locale.ROOT, "A tie on %s: QoE %.1f for %s and %.1f for %s.",
                    network, qa, adaptiveSide.label(), qs, staticSide.label()));
        } else {
            line.append(String.format(Locale.ROOT, "%s wins on %s: QoE %.1f against %.1f for %s.",
                    capitalised(winner.label()), network, winner.qoe().total(), loser.qoe().total(), loser.label()));
            double winnerLag = winner.summary().p95DelayMillis();
            double loserLag = loser.summary().p95DelayMillis();
            if (winnerLag > 2 * loserLag && winnerLag - loserLag > LAG_NOTE_MIN_EXTRA_MILLIS) {
                line.append(String.format(Locale.ROOT, " But it ran behind: its pictures arrived up to %.1f s after "
                        + "they were sent (p95), against %.1f s; the QoE does not count that.", winnerLag / 1000, loserLag / 1000));
            }
        }
        for (Side side : List.of(adaptiveSide, staticSide)) {
            MetricsSummary m = side.summary();
            line.append(String.format(Locale.ROOT, " %s: %d stall%s (%.1f s), %.0f lines on average, %d switch%s, p95 delay %s.",
                    capitalised(side.label()), m.stalls(), m.stalls() == 1 ? "" : "s", m.stalledSeconds(),
                    nanToZero(m.meanResolutionLines()), m.switches(), m.switches() == 1 ? "" : "es", ms(m.p95DelayMillis())));
        }
        return line.toString();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static String ms(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return v < 1000 ? String.format(Locale.ROOT, "%.0f ms", v) : String.format(Locale.ROOT, "%.1f s", v / 1000);
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
        root.put("qoe_formula", "docs/QOE.md, per GOP window: sum R(r_k) * (G - s_k) - mu * sum s_k - sum |R(r_k) - R(r_k-1)|,"
                + " R in Mbit/s, s_k frozen seconds, mu the top rung's Mbit/s");
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
        m.put("gop_windows", side.qoe().windows());
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
