package org.adaptivestream.media;

/**
 * Where a source picture goes inside a rung's frame: scaled to fit, keeping its display
 * aspect, centred, with black bars on the other sides. All values are even so the 4:2:0
 * chroma planes line up with the luma plane.
 */
record Placement(int x, int y, int width, int height) {

    /** A gap this small (in pixels) is not worth a black bar; the picture is stretched over it. */
    private static final int STRETCH_TOLERANCE_PIXELS = 4;

    static Placement fit(int sourceWidth, int sourceHeight, int sarNum, int sarDen, int frameWidth, int frameHeight) {
        double sampleAspect = sarNum > 0 && sarDen > 0 ? (double) sarNum / sarDen : 1.0;
        double displayAspect = sourceWidth * sampleAspect / sourceHeight;
        int width;
        int height;
        if (displayAspect >= (double) frameWidth / frameHeight) {
            width = frameWidth;
            height = (int) Math.round(frameWidth / displayAspect);
        } else {
            height = frameHeight;
            width = (int) Math.round(frameHeight * displayAspect);
        }
        width = snap(width, frameWidth);
        height = snap(height, frameHeight);
        return new Placement(even((frameWidth - width) / 2), even((frameHeight - height) / 2), width, height);
    }

    private static int snap(int size, int full) {
        if (full - size <= STRETCH_TOLERANCE_PIXELS) {
            return full;
        }
        return Math.max(2, even(size));
    }

    private static int even(int value) {
        return value & ~1;
    }
}
