package org.adaptivestream.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.adaptivestream.media.Rung;

/**
 * GOP sizes of real renditions. The video loops, as the server's does: GOP {@code i} of a
 * session is recorded GOP {@code i mod n}. Every rung must have the same number of GOPs
 * (their keyframes are aligned), numbered from 0 without gaps.
 */
public final class RecordedGopSizes implements GopSizes {

    private final Map<Rung, List<GopSize>> byRung = new EnumMap<>(Rung.class);
    private final int count;

    public RecordedGopSizes(List<RecordedGop> gops) {
        for (Rung r : Rung.values()) {
            List<RecordedGop> ofRung = new ArrayList<>(gops.stream().filter(g -> g.rung() == r).toList());
            ofRung.sort(Comparator.comparingInt(RecordedGop::gopIndex));
            List<GopSize> sizes = new ArrayList<>();
            for (int i = 0; i < ofRung.size(); i++) {
                RecordedGop g = ofRung.get(i);
                if (g.gopIndex() != i) {
                    throw new IllegalArgumentException(r + ": expected GOP " + i + ", found " + g.gopIndex());
                }
                sizes.add(new GopSize(g.keyframeBytes() * 8.0, g.totalBytes() * 8.0));
            }
            byRung.put(r, List.copyOf(sizes));
        }
        count = byRung.get(Rung.lowest()).size();
        if (count == 0 || byRung.values().stream().anyMatch(l -> l.size() != count)) {
            throw new IllegalArgumentException("every rung needs the same, non-zero number of GOPs");
        }
    }

    @Override
    public GopSize size(int gopIndex, Rung rung) {
        return byRung.get(rung).get(gopIndex % count);
    }
}
