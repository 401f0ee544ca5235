package org.adaptivestream.app.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.adaptivestream.metrics.Metric;
import org.adaptivestream.metrics.SessionMetrics;
import org.adaptivestream.metrics.SwitchEvent;
import org.adaptivestream.metrics.TimeSeries;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The player's live charts over a sliding window: latency, jitter, resolution, throughput
 * against the rung's bitrate, and buffer. Every switch is marked with its reason as a
 * tooltip. Charts only redraw when {@link #refresh} is called, so the caller decides the rate
 * (the player does it about ten times a second, whatever the packet rate). FX thread only.
 */
public final class LiveCharts {

    public static final double WINDOW_SECONDS = 60;
    private static final Color SWITCH_MARK = new Color(0xE3, 0x6C, 0x09);

    private final List<Panel> panels = new ArrayList<>();
    private final VBox node = new VBox(4);
    private int switchesMarked;

    public LiveCharts() {
        panels.add(new Panel("Latency", "ms", List.of(Metric.RTT, Metric.DELIVERY_DELAY), List.of()));
        panels.add(new Panel("Jitter (RFC 3550)", "ms", List.of(Metric.JITTER), List.of()));
        panels.add(new Panel("Resolution", "lines", List.of(), List.of(Metric.RESOLUTION)));
        panels.add(new Panel("Throughput", "Mbit/s", List.of(Metric.THROUGHPUT), List.of(Metric.RUNG_BITRATE)));
        panels.add(new Panel("Playout buffer", "ms", List.of(Metric.BUFFER), List.of()));
        for (Panel panel : panels) {
            ChartViewer viewer = new ChartViewer(panel.chart);
            viewer.setMinHeight(90);
            viewer.setPrefHeight(140);
            VBox.setVgrow(viewer, Priority.ALWAYS);
            node.getChildren().add(viewer);
        }
    }

    public Node node() {
        return node;
    }

    /** The charts, for export. */
    public List<JFreeChart> charts() {
        return panels.stream().map(p -> p.chart).toList();
    }

    /** Redraws every chart from the metrics, showing the window that ends at {@code nowSeconds}. */
    public void refresh(SessionMetrics metrics, double nowSeconds) {
        double from = Math.max(0, nowSeconds - WINDOW_SECONDS);
        for (Panel panel : panels) {
            panel.show(metrics, from, Math.max(nowSeconds, WINDOW_SECONDS / 6));
        }
        List<SwitchEvent> switches = metrics.switches();
        for (int i = switchesMarked; i < switches.size(); i++) {
            SwitchEvent event = switches.get(i);
            for (Panel panel : panels) {
                panel.mark(event.timeSeconds(), tooltip(event));
            }
        }
        switchesMarked = switches.size();
        for (Panel panel : panels) {
            panel.forgetMarksBefore(from);
        }
    }

    static String tooltip(SwitchEvent event) {
        return String.format(Locale.ROOT, "%.1f s: %s → %s — %s", event.timeSeconds(), event.from(), event.to(), event.reason());
    }

    /** The switch marks now on a chart (index as in {@link #charts()}), oldest first: their tooltips. */
    public List<String> switchMarkTooltips(int chart) {
        return panels.get(chart).marks.stream().map(SwitchMark::getToolTipText).toList();
    }

    /** The newest value drawn for a metric, NaN if none: what a test can check the chart follows. */
    public double lastPlotted(Metric metric) {
        for (Panel panel : panels) {
            for (int i = 0; i < panel.metrics.length; i++) {
                if (panel.metrics[i] == metric) {
                    XYSeries series = panel.series[i];
                    return series.getItemCount() == 0 ? Double.NaN : series.getY(series.getItemCount() - 1).doubleValue();
                }
            }
        }
        return Double.NaN;
    }

    public void setDark(boolean dark) {
        for (Panel panel : panels) {
            ChartThemes.apply(panel.chart, dark);
        }
    }

    /** Clears everything, for a new session. */
    public void reset() {
        for (Panel panel : panels) {
            panel.clear();
        }
        switchesMarked = 0;
    }

    private static final class Panel {
        final JFreeChart chart;
        final Metric[] metrics;
        final XYSeries[] series;
        final XYPlot plot;
        final java.util.ArrayDeque<SwitchMark> marks = new java.util.ArrayDeque<>();

        /** Lines for measured values; steps for values that change only at switches. */
        Panel(String title, String unit, List<Metric> lines, List<Metric> steps) {
            List<Metric> all = new ArrayList<>(lines);
            all.addAll(steps);
            this.metrics = all.toArray(Metric[]::new);
            this.series = new XYSeries[metrics.length];
            plot = new XYPlot();
            plot.setDomainAxis(new NumberAxis("time (s)"));
            NumberAxis value = new NumberAxis(unit);
            value.setAutoRangeIncludesZero(true);
            // All zeros (nothing received yet) would otherwise give an axis of ±5E-9.
            value.setAutoRangeMinimumSize(1.0);
            value.setRangeType(org.jfree.data.RangeType.POSITIVE);
            plot.setRangeAxis(value);
            plot.setDataset(0, dataset(lines, 0));
            plot.setRenderer(0, new XYLineAndShapeRenderer(true, false));
            plot.setDataset(1, dataset(steps, lines.size()));
            plot.setRenderer(1, new XYStepRenderer());
            for (int r = 0; r < 2; r++) {
                for (int i = 0; i < metrics.length; i++) {
                    plot.getRenderer(r).setSeriesStroke(i, new BasicStroke(1.6f));
                }
            }
            chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT.deriveFont(12f), plot, metrics.length > 1);
            ChartThemes.apply(chart, false);
        }

        private XYSeriesCollection dataset(List<Metric> of, int firstIndex) {
            XYSeriesCollection dataset = new XYSeriesCollection();
            for (int i = 0; i < of.size(); i++) {
                series[firstIndex + i] = new XYSeries(of.get(i).title(), false, true);
                dataset.addSeries(series[firstIndex + i]);
            }
            return dataset;
        }

        void show(SessionMetrics source, double from, double to) {
            for (int i = 0; i < metrics.length; i++) {
                TimeSeries.Points points = source.series(metrics[i]).since(from);
                XYSeries target = series[i];
                target.setNotify(false);
                target.clear();
                for (int p = 0; p < points.size(); p++) {
                    target.add(points.time(p), points.value(p), false);
                }
                target.setNotify(true);
            }
            plot.getDomainAxis().setRange(Math.max(0, to - WINDOW_SECONDS), to);
        }

        void mark(double timeSeconds, String tooltip) {
            SwitchMark mark = new SwitchMark(timeSeconds, tooltip);
            marks.addLast(mark);
            plot.addAnnotation(mark, false);
        }

        /** Marks that scrolled out of the window go, so a long session does not pile them up. */
        void forgetMarksBefore(double timeSeconds) {
            while (!marks.isEmpty() && marks.peekFirst().timeSeconds < timeSeconds) {
                plot.removeAnnotation(marks.removeFirst(), false);
            }
        }

        void clear() {
            for (XYSeries s : series) {
                s.clear();
            }
            plot.clearAnnotations();
            marks.clear();
        }
    }

    /**
     * A switch: a dashed vertical line over the plot, whose tooltip (the switch's reason) shows
     * anywhere within a few pixels of it. JFreeChart's own line annotation only answers the
     * mouse on the line's single pixel, which is hard to hit on a chart that scrolls.
     */
    static final class SwitchMark extends org.jfree.chart.annotations.AbstractXYAnnotation {
        static final double HOVER_HALF_WIDTH_PIXELS = 5;
        private static final BasicStroke DASHED = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                10f, new float[] {4f, 3f}, 0f);
        final double timeSeconds;

        SwitchMark(double timeSeconds, String tooltip) {
            this.timeSeconds = timeSeconds;
            setToolTipText(tooltip);
        }

        @Override
        public void draw(java.awt.Graphics2D g2, XYPlot plot, java.awt.geom.Rectangle2D dataArea,
                         org.jfree.chart.axis.ValueAxis domainAxis, org.jfree.chart.axis.ValueAxis rangeAxis,
                         int rendererIndex, org.jfree.chart.plot.PlotRenderingInfo info) {
            if (!domainAxis.getRange().contains(timeSeconds)) {
                return;
            }
            double x = domainAxis.valueToJava2D(timeSeconds, dataArea, plot.getDomainAxisEdge());
            g2.setPaint(SWITCH_MARK);
            g2.setStroke(DASHED);
            g2.draw(new java.awt.geom.Line2D.Double(x, dataArea.getMinY(), x, dataArea.getMaxY()));
            addEntity(info, new java.awt.geom.Rectangle2D.Double(x - HOVER_HALF_WIDTH_PIXELS, dataArea.getMinY(),
                    2 * HOVER_HALF_WIDTH_PIXELS, dataArea.getHeight()), rendererIndex, getToolTipText(), null);
        }

        // Identity, so removing one mark never removes another at the same time.
        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
