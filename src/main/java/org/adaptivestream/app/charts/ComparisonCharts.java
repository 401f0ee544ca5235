package org.adaptivestream.app.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
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

    /** Groups of figures that share a unit, each one chart. */
    private record Group(String title, String unit, List<String> figures) {
    }

    private static final List<Group> GROUPS = List.of(
            new Group("Latency", "ms", List.of("Average RTT", "p95 RTT", "Average delivery delay", "p95 delivery delay")),
            new Group("Jitter", "ms", List.of("Average jitter")),
            new Group("Stalls", "count / s", List.of("Stalls", "Stall time")),
            new Group("Average resolution", "lines", List.of("Average resolution")),
            new Group("Switches", "count", List.of("Switches")),
            new Group("QoE", "Mbit (higher is better)", List.of("QoE")));

    public static List<JFreeChart> of(ComparisonResult result, boolean dark) {
        List<JFreeChart> charts = new ArrayList<>();
        for (Group group : GROUPS) {
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            for (ComparisonResult.Row row : result.rows()) {
                if (group.figures().contains(row.figure())) {
                    data.addValue(finite(row.staticValue()), result.staticSide().label(), row.figure());
                    data.addValue(finite(row.adaptiveValue()), result.adaptiveSide().label(), row.figure());
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
