package org.adaptivestream.evaluation;

import org.adaptivestream.media.Rung;

/** The size of every GOP of every rung: nominal from the ladder, or recorded from real renditions. */
public interface GopSizes {
    GopSize size(int gopIndex, Rung rung);
}
