package org.adaptivestream.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.adaptivestream.media.BgraPicture;
import org.adaptivestream.media.DecodedFrame;
import org.junit.jupiter.api.Test;

class FrameHandoffTest {

    private final List<Runnable> pendingOnFx = new ArrayList<>();
    private final List<Long> presentedPts = new ArrayList<>();
    private final List<Byte> firstBytes = new ArrayList<>();
    private BgraPicture onScreen;
    private final FrameHandoff handoff = new FrameHandoff(pendingOnFx::add, p -> {
        presentedPts.add(p.ptsMicros());
        firstBytes.add(p.pixels().get(0));
        BgraPicture replaced = onScreen;
        onScreen = p;
        return replaced;
    });

    /** What the decoder does with a sink that lends: borrow, write, hand back through show. */
    private static BgraPicture decodeInto(FrameHandoff sink, int width, int height, long pts, byte fill) {
        BgraPicture picture = sink.lend(width, height);
        if (picture == null) {
            sink.show(new DecodedFrame(width, height, 0, pts, null, null));
            return null;
        }
        ByteBuffer pixels = picture.buffer();
        for (int i = 0; i < picture.rowStrideBytes() * height; i++) {
            pixels.put(i, fill);
        }
        picture.ptsMicros(pts);
        sink.show(new DecodedFrame(width, height, picture.rowStrideBytes(), pts, picture.pixels(), picture));
        return picture;
    }

    @Test
    void lend_firstFrames_givesDistinctPackedPicturesOfTheFrameSize() {
        assertThat(handoff.lendsPictures()).isTrue();
        BgraPicture a = handoff.lend(4, 2);
        BgraPicture b = handoff.lend(4, 2);
        BgraPicture c = handoff.lend(4, 2);
        assertThat(Set.of(a, b, c)).hasSize(3);
        assertThat(a.width()).isEqualTo(4);
        assertThat(a.height()).isEqualTo(2);
        assertThat(a.rowStrideBytes()).as("PixelBuffer rows are packed").isEqualTo(16);
        assertThat(a.buffer().isDirect()).isTrue();
    }

    @Test
    void show_fxThreadBehind_onePendingUpdatePresentsNewestFrame() {
        decodeInto(handoff, 2, 2, 1, (byte) 1);
        decodeInto(handoff, 2, 2, 2, (byte) 2);
        decodeInto(handoff, 2, 2, 3, (byte) 3);

        assertThat(pendingOnFx).hasSize(1);
        pendingOnFx.remove(0).run();
        assertThat(presentedPts).containsExactly(3L);
        assertThat(firstBytes).containsExactly((byte) 3);
        assertThat(handoff.framesReceived()).isEqualTo(3);
        assertThat(handoff.framesPresented()).isEqualTo(1);
        assertThat(handoff.framesWithoutPicture()).isZero();
    }

    @Test
    void show_skippedFrame_itsPictureIsLentAgain() {
        BgraPicture skipped = decodeInto(handoff, 2, 2, 1, (byte) 1);
        decodeInto(handoff, 2, 2, 2, (byte) 2);
        assertThat(handoff.freePictures()).isEqualTo(1);
        BgraPicture third = handoff.lend(2, 2);
        assertThat(third).as("the pool fills up first").isNotSameAs(skipped);
        third.ptsMicros(3);
        handoff.show(new DecodedFrame(2, 2, 8, 3, third.pixels(), third));
        assertThat(handoff.lend(2, 2)).isSameAs(skipped);
    }

    @Test
    void present_replacedPicture_goesBackToThePool() {
        BgraPicture first = decodeInto(handoff, 2, 2, 1, (byte) 1);
        pendingOnFx.remove(0).run();
        BgraPicture second = decodeInto(handoff, 2, 2, 2, (byte) 2);
        assertThat(second).isNotSameAs(first);
        assertThat(handoff.freePictures()).isZero();
        pendingOnFx.remove(0).run();
        assertThat(onScreen).isSameAs(second);
        assertThat(handoff.freePictures()).isEqualTo(1);
        BgraPicture third = decodeInto(handoff, 2, 2, 3, (byte) 3);
        assertThat(third).isNotSameAs(first).isNotSameAs(second);
        pendingOnFx.remove(0).run();
        // Lent in turn: the one off screen longest comes first, not the one just replaced.
        assertThat(handoff.lend(2, 2)).isSameAs(first);
        assertThat(handoff.lend(2, 2)).isSameAs(second);
    }

    @Test
    void lend_presenterHoldsTwo_dropsAndCountsTheFrameWithoutWaiting() {
        // The presenter keeps the picture on screen and never hands back the one it replaced.
        FrameHandoff greedy = new FrameHandoff(pendingOnFx::add, p -> null);
        decodeInto(greedy, 2, 2, 1, (byte) 1);
        pendingOnFx.remove(0).run();
        decodeInto(greedy, 2, 2, 2, (byte) 2);
        pendingOnFx.remove(0).run();
        decodeInto(greedy, 2, 2, 3, (byte) 3); // ready, waiting for the FX thread
        assertThat(decodeInto(greedy, 2, 2, 4, (byte) 4)).as("no free picture: the newest ready one is taken")
                .isNull();
        assertThat(greedy.framesWithoutPicture()).isEqualTo(1);
        assertThat(greedy.framesReceived()).isEqualTo(4);
        pendingOnFx.remove(0).run();
        assertThat(greedy.framesPresented()).isEqualTo(3);
    }

    @Test
    void show_afterPresent_schedulesAgain() {
        decodeInto(handoff, 2, 2, 1, (byte) 1);
        pendingOnFx.remove(0).run();
        decodeInto(handoff, 2, 2, 2, (byte) 2);
        assertThat(pendingOnFx).hasSize(1);
        pendingOnFx.remove(0).run();
        assertThat(presentedPts).containsExactly(1L, 2L);
    }

    @Test
    void show_decoderOwnPaddedRows_copiesIntoAPackedPicture() {
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
            return null;
        });
        tight.show(new DecodedFrame(2, 2, 12, 0, padded.asReadOnlyBuffer()));
        assertThat(copies.get(0)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 15, 16, 17, 18, 19);
    }

    @Test
    void lend_resolutionChanges_newPoolOfTheNewSizeAndOldPicturesAreNotLentAgain() {
        BgraPicture small = decodeInto(handoff, 2, 2, 0, (byte) 0);
        pendingOnFx.remove(0).run();
        BgraPicture big = decodeInto(handoff, 4, 2, 1, (byte) 0);
        assertThat(big.width()).isEqualTo(4);
        pendingOnFx.remove(0).run();
        assertThat(onScreen).isSameAs(big);
        // The 2x2 picture came back but is not pooled with the 4x2 ones.
        Set<BgraPicture> lent = new HashSet<>();
        for (int i = 0; i < FrameHandoff.POOL_SIZE - 1; i++) {
            lent.add(handoff.lend(4, 2));
        }
        assertThat(lent).doesNotContain(small, big, null);
        assertThat(lent).allMatch(p -> p.hasSize(4, 2));
    }

    @Test
    void show_resolutionChangesBackAndForth_presentsEachSize() {
        List<Integer> widths = new ArrayList<>();
        FrameHandoff sized = new FrameHandoff(Runnable::run, p -> {
            widths.add(p.width());
            return null;
        });
        decodeInto(sized, 2, 2, 0, (byte) 0);
        decodeInto(sized, 4, 2, 1, (byte) 0);
        decodeInto(sized, 2, 2, 2, (byte) 0);
        assertThat(widths).containsExactly(2, 4, 2);
    }

    @Test
    void concurrent_presenterNeverSeesAPictureWhileItIsBeingWritten() throws Exception {
        // Every picture has one owner at a time: the decoder from lend to show, then the presenter.
        Set<BgraPicture> writing = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Set<BgraPicture> presenting = java.util.concurrent.ConcurrentHashMap.newKeySet();
        AtomicReference<String> violation = new AtomicReference<>();
        ExecutorService fx = Executors.newSingleThreadExecutor();
        AtomicReference<BgraPicture> screen = new AtomicReference<>();
        FrameHandoff concurrent = new FrameHandoff(fx, p -> {
            if (writing.contains(p)) {
                violation.set("presented while being written");
            }
            presenting.add(p);
            // Reads the whole picture: every byte must be from one frame.
            ByteBuffer pixels = p.pixels();
            byte first = pixels.get(0);
            for (int i = 0; i < pixels.limit(); i++) {
                if (pixels.get(i) != first) {
                    violation.set("torn picture");
                }
            }
            presenting.remove(p);
            return screen.getAndSet(p);
        });
        try {
            for (int frame = 0; frame < 3_000; frame++) {
                int width = frame < 1_500 ? 16 : 32;
                BgraPicture picture = concurrent.lend(width, 8);
                if (picture == null) {
                    concurrent.show(new DecodedFrame(width, 8, 0, frame, null, null));
                    continue;
                }
                writing.add(picture);
                if (presenting.contains(picture) || picture == screen.get()) {
                    violation.set("lent while presented");
                }
                ByteBuffer pixels = picture.buffer();
                for (int i = 0; i < picture.rowStrideBytes() * 8; i++) {
                    pixels.put(i, (byte) frame);
                }
                writing.remove(picture);
                concurrent.show(new DecodedFrame(width, 8, picture.rowStrideBytes(), frame, picture.pixels(), picture));
            }
        } finally {
            fx.shutdown();
            assertThat(fx.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(violation.get()).isNull();
        assertThat(concurrent.framesReceived()).isEqualTo(3_000);
        assertThat(concurrent.framesPresented() + concurrent.framesWithoutPicture()).isLessThanOrEqualTo(3_000);
        assertThat(concurrent.framesPresented()).isPositive();
    }
}
