package org.adaptivestream.app.player;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.adaptivestream.media.DecodedFrame;
import org.junit.jupiter.api.Test;

class FrameHandoffTest {

    private final List<Runnable> pendingOnFx = new ArrayList<>();
    private final List<Long> presentedPts = new ArrayList<>();
    private final List<Byte> firstBytes = new ArrayList<>();
    private final FrameHandoff handoff = new FrameHandoff(pendingOnFx::add, p -> {
        presentedPts.add(p.ptsMicros());
        firstBytes.add(p.pixels().get(0));
    });

    @Test
    void show_fxThreadBehind_onePendingUpdatePresentsNewestFrame() {
        handoff.show(frame(2, 2, 8, 1, (byte) 1));
        handoff.show(frame(2, 2, 8, 2, (byte) 2));
        handoff.show(frame(2, 2, 8, 3, (byte) 3));

        assertThat(pendingOnFx).hasSize(1);
        pendingOnFx.remove(0).run();
        assertThat(presentedPts).containsExactly(3L);
        assertThat(firstBytes).containsExactly((byte) 3);
        assertThat(handoff.framesReceived()).isEqualTo(3);
        assertThat(handoff.framesPresented()).isEqualTo(1);
    }

    @Test
    void show_afterPresent_schedulesAgain() {
        handoff.show(frame(2, 2, 8, 1, (byte) 1));
        pendingOnFx.remove(0).run();
        handoff.show(frame(2, 2, 8, 2, (byte) 2));
        assertThat(pendingOnFx).hasSize(1);
        pendingOnFx.remove(0).run();
        assertThat(presentedPts).containsExactly(1L, 2L);
    }

    @Test
    void show_paddedRows_copiesPixelsTightly() {
        // 2x2 with a 12-byte stride: 8 pixel bytes then 4 bytes of padding per row.
        ByteBuffer padded = ByteBuffer.allocate(24);
        for (int i = 0; i < 24; i++) {
            padded.put(i, (byte) (i % 12 < 8 ? i : -1));
        }
        List<byte[]> copies = new ArrayList<>();
        FrameHandoff tight = new FrameHandoff(Runnable::run, p -> {
            byte[] bytes = new byte[p.pixels().remaining()];
            p.pixels().get(bytes);
            copies.add(bytes);
        });
        tight.show(new DecodedFrame(2, 2, 12, 0, padded.asReadOnlyBuffer()));
        assertThat(copies.get(0)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 15, 16, 17, 18, 19);
    }

    @Test
    void show_resolutionChanges_presentsNewSize() {
        List<Integer> widths = new ArrayList<>();
        FrameHandoff sized = new FrameHandoff(Runnable::run, p -> widths.add(p.width()));
        sized.show(frame(2, 2, 8, 0, (byte) 0));
        sized.show(frame(4, 2, 16, 1, (byte) 0));
        sized.show(frame(2, 2, 8, 2, (byte) 0));
        assertThat(widths).containsExactly(2, 4, 2);
    }

    private static DecodedFrame frame(int width, int height, int stride, long pts, byte fill) {
        ByteBuffer pixels = ByteBuffer.allocate(stride * height);
        for (int i = 0; i < pixels.capacity(); i++) {
            pixels.put(i, fill);
        }
        return new DecodedFrame(width, height, stride, pts, pixels.asReadOnlyBuffer());
    }
}
