package org.adaptivestream.media;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The keyframe timestamps shared by every rendition: the places a player may switch. A
 * rendition may hold extra keyframes (the encoder inserts one at a hard scene cut); those are
 * ordinary keyframes inside a GOP, not switch points.
 */
final class AlignedKeyframes {

    private AlignedKeyframes() {
    }

    /** The sorted timestamps that are keyframes in every one of the given packet lists. */
    static long[] of(Collection<List<EncodedPacket>> renditions) {
        TreeSet<Long> shared = null;
        for (List<EncodedPacket> packets : renditions) {
            TreeSet<Long> keys = new TreeSet<>();
            for (EncodedPacket packet : packets) {
                if (packet.keyframe()) {
                    keys.add(packet.ptsMicros());
                }
            }
            if (shared == null) {
                shared = keys;
            } else {
                shared.retainAll(keys);
            }
        }
        return shared == null ? new long[0] : shared.stream().mapToLong(Long::longValue).toArray();
    }

    /** For each shared timestamp, the index of the packet that starts there. */
    static int[] packetIndices(List<EncodedPacket> packets, long[] keyframeMicros) {
        List<Integer> indices = new ArrayList<>(keyframeMicros.length);
        int next = 0;
        for (int i = 0; i < packets.size() && next < keyframeMicros.length; i++) {
            EncodedPacket packet = packets.get(i);
            if (packet.keyframe() && packet.ptsMicros() == keyframeMicros[next]) {
                indices.add(i);
                next++;
            }
        }
        if (indices.size() != keyframeMicros.length) {
            throw new IllegalStateException("shared keyframes out of decode order");
        }
        return indices.stream().mapToInt(Integer::intValue).toArray();
    }
}
