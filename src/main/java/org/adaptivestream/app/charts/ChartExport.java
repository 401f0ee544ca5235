package org.adaptivestream.app.charts;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.adaptivestream.app.AppContext;
import org.adaptivestream.app.Format;
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

    /**
     * Asks for a folder, renders the charts here on the FX thread (they are live objects), and
     * writes the files in the background, telling the user how it went.
     */
    public static void exportToChosenFolder(AppContext context, javafx.stage.Window owner, String title,
                                            List<JFreeChart> charts, String prefix) {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(title);
        java.io.File folder = chooser.showDialog(owner);
        if (folder == null) {
            return;
        }
        List<Rendered> rendered = render(charts, prefix);
        context.background().execute(() -> {
            try {
                List<Path> files = write(rendered, folder.toPath());
                context.fx().execute(() -> context.notifier().info(files.size() + " charts written to " + folder));
            } catch (IOException e) {
                context.fx().execute(() -> context.notifier().error("Cannot write the charts", Format.failure(e)));
            }
        });
    }

    static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
