package org.adaptivestream.media;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The built-in sample: a clip drawn with Java2D, so a first run needs nothing downloaded. Each
 * rung's picture is drawn at that rung's size with the rung's name in it, and every picture
 * carries the frame number and timecode, so a switch between renditions shows on screen.
 * Drawing is a pure function of (rung, frame index): the same call draws the same picture.
 */
final class SampleClip {

    static final String TITLE = "AdaptiveStream sample";
    static final String SOURCE = "built-in sample";
    static final FrameRate FRAME_RATE = FrameRate.of(30);
    static final int DEFAULT_SECONDS = 24;

    /** Everything is laid out on a 1920x1080 canvas and scaled to the rung. */
    private static final double CANVAS_WIDTH = 1920;
    private static final double CANVAS_HEIGHT = 1080;
    private static final int BALL_COUNT = 7;
    private static final int STAR_COUNT = 900;
    private static final long LAYOUT_SEED = 20_240_611L;
    private static final Color[] STAR_SHADES = starShades();

    private final int frameCount;
    private final FrameRate rate;
    private final double[][] balls = new double[BALL_COUNT][5];
    private final double[][] stars = new double[STAR_COUNT][4];

    SampleClip(int frameCount, FrameRate rate) {
        if (frameCount <= 0) {
            throw new IllegalArgumentException("a clip needs at least one frame");
        }
        this.frameCount = frameCount;
        this.rate = rate;
        SplittableRandom random = new SplittableRandom(LAYOUT_SEED);
        for (double[] ball : balls) {
            ball[0] = random.nextDouble(0.1, 0.9);
            ball[1] = random.nextDouble(0.1, 0.9);
            ball[2] = random.nextDouble(0.05, 0.16) * (random.nextBoolean() ? 1 : -1);
            ball[3] = random.nextDouble(0.05, 0.16) * (random.nextBoolean() ? 1 : -1);
            ball[4] = random.nextDouble(60, 150);
        }
        for (double[] star : stars) {
            star[0] = random.nextDouble();
            star[1] = random.nextDouble();
            star[2] = random.nextDouble(0.3, 1.0);
            star[3] = random.nextDouble(2, 6);
        }
    }

    private static Color[] starShades() {
        Color[] shades = new Color[8];
        for (int i = 0; i < shades.length; i++) {
            shades[i] = new Color(255, 255, 230, 110 + i * 20);
        }
        return shades;
    }

    static SampleClip ofSeconds(int seconds) {
        return new SampleClip(FRAME_RATE.framesIn(seconds * 1000L), FRAME_RATE);
    }

    int frameCount() {
        return frameCount;
    }

    FrameRate rate() {
        return rate;
    }

    /** Draws frame {@code index} of the rendition for {@code rung} into a picture of that rung's size. */
    void draw(Graphics2D g, Rung rung, long index) {
        double seconds = index * (double) rate.denominator() / rate.numerator();
        AffineTransform original = g.getTransform();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.scale(rung.width() / CANVAS_WIDTH, rung.height() / CANVAS_HEIGHT);

        drawBackground(g, seconds);
        drawGrid(g, seconds);
        drawStars(g, seconds);
        drawBalls(g, seconds);
        drawSweep(g, seconds);
        drawOverlay(g, rung, index, seconds);

        g.setTransform(original);
    }

    private void drawBackground(Graphics2D g, double seconds) {
        float hue = (float) (seconds / 20.0 % 1.0);
        Color from = Color.getHSBColor(hue, 0.75f, 0.45f);
        Color to = Color.getHSBColor((hue + 0.35f) % 1f, 0.8f, 0.25f);
        double sway = Math.sin(seconds * 0.7) * 500;
        g.setPaint(new GradientPaint((float) (sway), 0, from, (float) (CANVAS_WIDTH - sway), (float) CANVAS_HEIGHT, to));
        g.fill(new java.awt.geom.Rectangle2D.Double(0, 0, CANVAS_WIDTH, CANVAS_HEIGHT));
    }

    private void drawGrid(Graphics2D g, double seconds) {
        double spacing = 80;
        double shift = seconds * 60 % spacing;
        g.setStroke(new BasicStroke(2f));
        g.setColor(new Color(255, 255, 255, 38));
        for (double x = -spacing + shift; x < CANVAS_WIDTH; x += spacing) {
            g.draw(new Line2D.Double(x, 0, x, CANVAS_HEIGHT));
        }
        for (double y = -spacing + shift * 0.5; y < CANVAS_HEIGHT; y += spacing) {
            g.draw(new Line2D.Double(0, y, CANVAS_WIDTH, y));
        }
    }

    private void drawStars(Graphics2D g, double seconds) {
        // Plain squares without antialiasing: hundreds of antialiased ellipses cost more than the rest of the frame.
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        for (double[] star : stars) {
            double speed = star[2];
            int x = (int) ((star[0] * CANVAS_WIDTH + seconds * 140 * speed) % CANVAS_WIDTH);
            int y = (int) ((star[1] * CANVAS_HEIGHT + seconds * 45 * speed) % CANVAS_HEIGHT);
            int size = (int) star[3];
            int level = (int) ((STAR_SHADES.length - 1) * Math.abs(Math.sin(seconds * 3 * speed + star[0] * 20)));
            g.setColor(STAR_SHADES[level]);
            g.fillRect(x, y, size, size);
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    }

    private void drawBalls(Graphics2D g, double seconds) {
        for (int i = 0; i < balls.length; i++) {
            double[] ball = balls[i];
            double radius = ball[4];
            double x = bounce(ball[0] + ball[2] * seconds) * (CANVAS_WIDTH - 2 * radius) + radius;
            double y = bounce(ball[1] + ball[3] * seconds) * (CANVAS_HEIGHT - 2 * radius) + radius;
            Color core = Color.getHSBColor((float) ((i / (double) balls.length + seconds * 0.03) % 1.0), 0.65f, 1f);
            // Focus up and left of the centre: a highlight that makes the ball look lit.
            g.setPaint(new RadialGradientPaint(new java.awt.geom.Point2D.Double(x, y), (float) radius,
                    new java.awt.geom.Point2D.Double(x - radius / 3, y - radius / 3),
                    new float[] {0f, 0.75f, 1f},
                    new Color[] {Color.WHITE, core, new Color(core.getRed(), core.getGreen(), core.getBlue(), 0)},
                    java.awt.MultipleGradientPaint.CycleMethod.NO_CYCLE));
            g.fill(new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius));
        }
    }

    /** Folds a position into 0..1 and back, so balls bounce off the edges. */
    private static double bounce(double position) {
        double folded = position % 2.0;
        if (folded < 0) {
            folded += 2.0;
        }
        return folded <= 1.0 ? folded : 2.0 - folded;
    }

    private void drawSweep(Graphics2D g, double seconds) {
        double cx = 1580;
        double cy = 620;
        double radius = 220;
        g.setColor(new Color(0, 0, 0, 90));
        g.fill(new Ellipse2D.Double(cx - radius, cy - radius, 2 * radius, 2 * radius));
        double angle = seconds * 360 / 4 % 360;
        g.setPaint(new LinearGradientPaint((float) (cx - radius), (float) cy, (float) (cx + radius), (float) cy,
                new float[] {0f, 1f}, new Color[] {new Color(80, 255, 160, 40), new Color(80, 255, 160, 200)}));
        g.fill(new Arc2D.Double(cx - radius, cy - radius, 2 * radius, 2 * radius, 90 - angle, 50, Arc2D.PIE));
        g.setStroke(new BasicStroke(4f));
        g.setColor(new Color(255, 255, 255, 200));
        g.draw(new Ellipse2D.Double(cx - radius, cy - radius, 2 * radius, 2 * radius));
        for (int tick = 0; tick < 12; tick++) {
            double a = Math.toRadians(tick * 30);
            g.draw(new Line2D.Double(cx + Math.sin(a) * radius * 0.88, cy - Math.cos(a) * radius * 0.88,
                    cx + Math.sin(a) * radius, cy - Math.cos(a) * radius));
        }
        double hand = Math.toRadians(seconds * 6);
        g.setStroke(new BasicStroke(8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(cx, cy, cx + Math.sin(hand) * radius * 0.8, cy - Math.cos(hand) * radius * 0.8));
    }

    private void drawOverlay(Graphics2D g, Rung rung, long index, double seconds) {
        // The rung badge: what a viewer should notice change when the player switches.
        Font badgeFont = new Font(Font.SANS_SERIF, Font.BOLD, 190);
        String badge = rung.label();
        g.setFont(badgeFont);
        FontMetrics badgeMetrics = g.getFontMetrics();
        double badgeWidth = badgeMetrics.stringWidth(badge) + 80;
        panel(g, 50, 40, badgeWidth, 250);
        g.setColor(badgeColor(rung));
        g.drawString(badge, 90, 40 + 195);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 42));
        g.setColor(new Color(255, 255, 255, 220));
        g.drawString(rung.width() + " x " + rung.height() + "   " + rung.targetBitsPerSecond() / 1000 + " kbit/s", 90, 340);

        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 44));
        FontMetrics titleMetrics = g.getFontMetrics();
        String title = TITLE;
        g.setColor(new Color(255, 255, 255, 200));
        g.drawString(title, (float) (CANVAS_WIDTH - 60 - titleMetrics.stringWidth(title)), 95);

        Font counterFont = new Font(Font.MONOSPACED, Font.BOLD, 110);
        g.setFont(counterFont);
        String frameText = String.format(Locale.ROOT, "frame %05d", index);
        String timeText = timecode(seconds);
        panel(g, 50, 760, 1200, 250);
        g.setColor(Color.WHITE);
        g.drawString(timeText, 90, 870);
        g.setColor(new Color(255, 230, 120));
        g.drawString(frameText, 90, 985);

        double fraction = frameCount <= 1 ? 1 : index / (double) (frameCount - 1);
        g.setColor(new Color(0, 0, 0, 140));
        g.fill(new RoundRectangle2D.Double(50, 1030, CANVAS_WIDTH - 100, 24, 12, 12));
        g.setColor(badgeColor(rung));
        g.fill(new RoundRectangle2D.Double(50, 1030, (CANVAS_WIDTH - 100) * fraction, 24, 12, 12));
    }

    private static void panel(Graphics2D g, double x, double y, double width, double height) {
        java.awt.Composite composite = g.getComposite();
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.55f));
        g.setColor(Color.BLACK);
        g.fill(new RoundRectangle2D.Double(x, y, width, height, 40, 40));
        g.setComposite(composite);
    }

    /** One colour per rung, so the rung is recognisable even when the label is small on screen. */
    static Color badgeColor(Rung rung) {
        return switch (rung) {
            case R240P -> new Color(255, 110, 90);
            case R480P -> new Color(255, 200, 70);
            case R720P -> new Color(120, 220, 255);
            case R1080P -> new Color(120, 255, 140);
        };
    }

    static String timecode(double seconds) {
        long millis = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d",
                millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60, millis % 1000);
    }
}
