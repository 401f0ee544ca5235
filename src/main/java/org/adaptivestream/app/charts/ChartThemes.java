package org.adaptivestream.app.charts;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;

/**
 * Light and dark colours for JFreeChart charts, which draw with AWT colours and so do not
 * follow the window's CSS.
 */
public final class ChartThemes {

    private static final Color DARK_BACKGROUND = new Color(0x2B, 0x2B, 0x2B);
    private static final Color DARK_PLOT = new Color(0x1E, 0x1E, 0x1E);
    private static final Color DARK_TEXT = new Color(0xDD, 0xDD, 0xDD);
    private static final Color DARK_GRID = new Color(0x55, 0x55, 0x55);
    private static final Color LIGHT_GRID = new Color(0xCC, 0xCC, 0xCC);

    private ChartThemes() {
    }

    public static void apply(JFreeChart chart, boolean dark) {
        Color text = dark ? DARK_TEXT : Color.DARK_GRAY;
        chart.setBackgroundPaint(dark ? DARK_BACKGROUND : Color.WHITE);
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(text);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setBackgroundPaint(dark ? DARK_BACKGROUND : Color.WHITE);
            legend.setItemPaint(text);
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(dark ? DARK_PLOT : Color.WHITE);
        Color grid = dark ? DARK_GRID : LIGHT_GRID;
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(grid);
            xy.setRangeGridlinePaint(grid);
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                axisColours(xy.getDomainAxis(i), text);
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                axisColours(xy.getRangeAxis(i), text);
            }
        } else if (plot instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(grid);
            axisColours(category.getDomainAxis(), text);
            axisColours(category.getRangeAxis(), text);
        }
    }

    private static void axisColours(org.jfree.chart.axis.Axis axis, Color text) {
        if (axis != null) {
            axis.setLabelPaint(text);
            axis.setTickLabelPaint(text);
            axis.setAxisLinePaint(text);
            axis.setTickMarkPaint(text);
        }
    }
}
