package org.adaptivestream.evaluation;

import org.adaptivestream.adaptation.Ladder;
import org.adaptivestream.media.Rung;

/**
 * Every GOP exactly at the rung's bitrate, shaped like real H.264: the keyframe is
 * {@value #KEYFRAME_TO_PREDICTED_RATIO} times a predicted frame, so in a 15-frame GOP it carries
 * about a fifth of the bits.
 */
public record NominalGopSizes(Ladder ladder, double gopSeconds, int framesPerGop) implements GopSizes {

    public static final double KEYFRAME_TO_PREDICTED_RATIO = 4.0;

    public NominalGopSizes {
        if (framesPerGop < 2) {
            throw new IllegalArgumentException("a GOP needs at least two frames, not " + framesPerGop);
        }
    }

    public static NominalGopSizes of(Ladder ladder, SimulationConfig config) {
        return new NominalGopSizes(ladder, config.gopSeconds(), config.framesPerGop());
    }

    @Override
    public GopSize size(int gopIndex, Rung rung) {
        double total = ladder.bitsPerSecond(rung) * gopSeconds;
        double keyShare = KEYFRAME_TO_PREDICTED_RATIO / (KEYFRAME_TO_PREDICTED_RATIO + framesPerGop - 1);
        return new GopSize(total * keyShare, total);
    }
}
