package org.adaptivestream.app.charts;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;

/**
 * PNG export in two halves: drawing a chart must happen where it is changed (the FX thread),
 * writing the file is I/O and belongs on the background executor.
 */
public final class ChartExport {

    public static final int WIDTH = 1200;
    public static final int HEIGHT = 450;

    /** A chart drawn to pixels, ready to write anywhere. */
    public record Rendered(String fileName, BufferedImage image) {
    }

    private ChartExport() {
    }

    /** Draws each chart; call on the thread that updates the charts. */
    public static List<Rendered> render(List<JFreeChart> charts, String prefix) {
        List<Rendered> out = new ArrayList<>();
        for (JFreeChart chart : charts) {
            String title = chart.getTitle() == null ? "chart" + out.size() : chart.getTitle().getText();
            out.add(new Rendered(prefix + "-" + slug(title) + ".png", chart.createBufferedImage(WIDTH, HEIGHT)));
        }
        return out;
    }

    /** Writes the drawn charts into a folder; returns the files. */
    public static List<Path> write(List<Rendered> rendered, Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Rendered r : rendered) {
            Path file = folder.resolve(r.fileName());
            if (!ImageIO.write(r.image(), "png", file.toFile())) {
                throw new IOException("no PNG writer available");
            }
            files.add(file);
        }
        return files;
    }

    static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
