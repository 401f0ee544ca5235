package org.adaptivestream.app.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adaptivestream.app.compare.ComparisonResult;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** The comparison's bar charts: one per kind of figure, static and adaptive side by side. */
public final class ComparisonCharts {

    private static final Color STATIC_COLOUR = new Color(0x88, 0x88, 0x88);
    private static final Color ADAPTIVE_COLOUR = new Color(0x2F, 0x6F, 0xB3);

    private ComparisonCharts() {
    }

    /** Figures that share a unit, each one chart; the map gives each figure its short label under the bar. */
    private record Group(String title, String unit, Map<String, String> figures) {
    }

    private static final List<Group> GROUPS = List.of(
            new Group("Round-trip time", "ms", ordered("Average RTT", "average", "p95 RTT", "p95")),
            new Group("Delivery delay", "ms", ordered("Average delivery delay", "average", "p95 delivery delay", "p95")),
            new Group("Jitter (RFC 3550)", "ms", ordered("Average jitter", "average")),
            new Group("Stalls", "count", ordered("Stalls", "stalls")),
            new Group("Stall time", "s", ordered("Stall time", "frozen")),
            new Group("Average resolution", "lines", ordered("Average resolution", "shown")),
            new Group("Switches", "count", ordered("Switches", "switches")),
            new Group("QoE", "Mbit (higher is better)", ordered("QoE", "QoE")));

    private static Map<String, String> ordered(String... figureThenLabel) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < figureThenLabel.length; i += 2) {
            map.put(figureThenLabel[i], figureThenLabel[i + 1]);
        }
        return map;
    }

    public static List<JFreeChart> of(ComparisonResult result, boolean dark) {
        List<JFreeChart> charts = new ArrayList<>();
        for (Group group : GROUPS) {
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            for (ComparisonResult.Row row : result.rows()) {
                String label = group.figures().get(row.figure());
                if (label != null) {
                    data.addValue(finite(row.staticValue()), result.staticSide().label(), label);
                    data.addValue(finite(row.adaptiveValue()), result.adaptiveSide().label(), label);
                }
            }
            JFreeChart chart = ChartFactory.createBarChart(group.title(), null, group.unit(), data,
                    PlotOrientation.VERTICAL, true, true, false);
            chart.getTitle().setFont(JFreeChart.DEFAULT_TITLE_FONT.deriveFont(12f));
            CategoryPlot plot = chart.getCategoryPlot();
            BarRenderer renderer = (BarRenderer) plot.getRenderer();
            renderer.setBarPainter(new StandardBarPainter());
            renderer.setShadowVisible(false);
            renderer.setSeriesPaint(0, STATIC_COLOUR);
            renderer.setSeriesPaint(1, ADAPTIVE_COLOUR);
            ChartThemes.apply(chart, dark);
            charts.add(chart);
        }
        return charts;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
