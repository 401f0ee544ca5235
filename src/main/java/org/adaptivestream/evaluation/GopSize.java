package org.adaptivestream.evaluation;

/** The bits of one GOP of one rung: its keyframe, written at once, and the whole GOP. */
public record GopSize(double keyframeBits, double totalBits) {
    public GopSize {
        if (!(keyframeBits > 0) || !(totalBits >= keyframeBits) || !Double.isFinite(totalBits)) {
            throw new IllegalArgumentException("GOP of " + totalBits + " bits with keyframe " + keyframeBits + " bits");
        }
    }

    /** Each frame after the keyframe, all alike: the model knows only the GOP's total. */
    public double frameBits(int framesPerGop) {
        return (totalBits - keyframeBits) / (framesPerGop - 1);
    }
}
