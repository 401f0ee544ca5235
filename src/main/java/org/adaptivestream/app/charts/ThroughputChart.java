package org.adaptivestream.app.charts;

import java.awt.BasicStroke;
import java.util.List;
import javafx.scene.Node;
import org.adaptivestream.app.server.ThroughputMeter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The server's aggregate send rate over a sliding window. FX thread only. */
public final class ThroughputChart {

    private static final double MIN_SPAN_SECONDS = 10;

    private final XYSeries series = new XYSeries("Sent", false, true);
    private final XYPlot plot = new XYPlot();
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private final double windowSeconds;

    public ThroughputChart(double windowSeconds) {
        this.windowSeconds = windowSeconds;
        NumberAxis time = new NumberAxis("time (s)");
        time.setRange(0, MIN_SPAN_SECONDS); // until the first poll, not JFreeChart's 0–1.05
        plot.setDomainAxis(time);
        NumberAxis rate = new NumberAxis("Mbit/s");
        rate.setAutoRangeIncludesZero(true);
        // An idle server would otherwise get an axis of a few nanobits.
        rate.setAutoRangeMinimumSize(1.0);
        rate.setRangeType(org.jfree.data.RangeType.POSITIVE);
        plot.setRangeAxis(rate);
        plot.setDataset(new XYSeriesCollection(series));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesStroke(0, new BasicStroke(1.8f));
        plot.setRenderer(renderer);
        chart = new JFreeChart("Aggregate throughput", JFreeChart.DEFAULT_TITLE_FONT.deriveFont(12f), plot, false);
        ChartThemes.apply(chart, false);
        viewer = new ChartViewer(chart);
        viewer.setMinHeight(120);
    }

    public Node node() {
        return viewer;
    }

    public JFreeChart chart() {
        return chart;
    }

    public void show(List<ThroughputMeter.Sample> samples, double nowSeconds) {
        series.setNotify(false);
        series.clear();
        for (ThroughputMeter.Sample sample : samples) {
            series.add(sample.timeSeconds(), sample.megabitsPerSecond(), false);
        }
        series.setNotify(true);
        plot.getDomainAxis().setRange(Math.max(0, nowSeconds - windowSeconds), Math.max(nowSeconds, MIN_SPAN_SECONDS));
    }

    public void setDark(boolean dark) {
        ChartThemes.apply(chart, dark);
    }
}
