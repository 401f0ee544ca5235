package org.adaptivestream.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One short built-in sample (4 s, the same content as the full one), prepared once; then its
 * ladder, its preload and decoding it. The full 24 s sample is measured by hand (see the report)
 * to keep the suite quick on a shared machine.
 */
class SampleLadderTest {

    private static final int SAMPLE_SECONDS = 4;
    private static final double BITRATE_TOLERANCE = 0.25;

    @TempDir
    static Path home;
    static MediaLibrary library;
    static Manifest manifest;
    static PreloadedVideo video;

    @BeforeAll
    static void prepareShortSample() throws Exception {
        library = new MediaLibrary(home.resolve("static"));
        Optional<Manifest> made = library.ensureSample(SAMPLE_SECONDS, ProgressListener.none(), CancelToken.never());
        assertThat(made).isPresent();
        manifest = made.get();
        video = library.load(MediaLibrary.SAMPLE_ID);
    }

    @Test
    void ensureSample_libraryHasAVideo_doesNothing() throws Exception {
        assertThat(library.ensureSample(SAMPLE_SECONDS, ProgressListener.none(), CancelToken.never())).isEmpty();
    }

    @Test
    void sample_manifest_describesThirtyFpsWithHalfSecondGops() {
        assertThat(manifest.id()).isEqualTo("sample");
        assertThat(manifest.source()).isEqualTo("built-in sample");
        assertThat(manifest.frameRate()).isEqualTo(FrameRate.of(30));
        assertThat(manifest.durationMicros()).isEqualTo(SAMPLE_SECONDS * 1_000_000L);
        assertThat(manifest.gopFrames()).isEqualTo(15);
        assertThat(manifest.keyframeCount()).isEqualTo(SAMPLE_SECONDS * 2);
    }

    @Test
    void sample_bitrates_areNearTargetAndIncreaseUpTheLadder() {
        long previous = 0;
        for (Rung rung : Rung.values()) {
            long measured = manifest.rendition(rung).averageBitsPerSecond();
            assertThat((double) measured).as(rung.label())
                    .isCloseTo(rung.targetBitsPerSecond(), within(rung.targetBitsPerSecond() * BITRATE_TOLERANCE));
            assertThat(measured).as(rung.label()).isGreaterThan(previous);
            previous = measured;
        }
    }

    @Test
    void sample_keyframes_fallOnIdenticalTimestampsInEveryRenditionFile() throws Exception {
        Path folder = library.staticDir().resolve("sample");
        List<Long> expected = new ArrayList<>();
        for (int gop = 0; gop < SAMPLE_SECONDS * 2; gop++) {
            expected.add(gop * 500_000L);
        }
        for (Rung rung : Rung.values()) {
            TestClips.Probe probe = TestClips.probe(folder.resolve(manifest.rendition(rung).file()));
            assertThat(probe.width()).isEqualTo(rung.width());
            assertThat(probe.height()).isEqualTo(rung.height());
            assertThat(probe.keyframeMicros()).as(rung + " keyframes, read with grabPacket").isEqualTo(expected);
        }
    }

    @Test
    void load_sample_indexesTheSameGopsInEveryRung() {
        assertThat(video.gopCount()).isEqualTo(manifest.keyframeCount());
        for (Rung rung : Rung.values()) {
            PreloadedRendition rendition = video.rendition(rung);
            assertThat(rendition.codecConfig().width()).isEqualTo(rung.width());
            assertThat(rendition.codecConfig().height()).isEqualTo(rung.height());
            assertThat(rendition.codecConfig().codecName()).isEqualTo("h264");
            assertThat(rendition.codecConfig().extradata()).isNotEmpty();
            assertThat(rendition.packets()).hasSize(manifest.rendition(rung).packetCount());
            assertThat(rendition.gopCount()).isEqualTo(video.gopCount());
            int packetsInGops = 0;
            for (int gop = 0; gop < rendition.gopCount(); gop++) {
                List<EncodedPacket> packets = rendition.gop(gop);
                assertThat(packets.get(0).keyframe()).isTrue();
                assertThat(packets.get(0).ptsMicros()).isEqualTo(video.gopStartMicros(gop)).isEqualTo(gop * 500_000L);
                packetsInGops += packets.size();
            }
            assertThat(packetsInGops).isEqualTo(rendition.packets().size());
            assertThat(rendition.packetBytes() * 8 * 1_000_000 / manifest.durationMicros())
                    .isCloseTo(manifest.rendition(rung).averageBitsPerSecond(), within(1000L));
        }
        assertThat(video.gopAt(0)).isZero();
        assertThat(video.gopAt(1_250_000)).isEqualTo(2);
        assertThat(video.gopAt(Long.MAX_VALUE)).isEqualTo(video.gopCount() - 1);
    }

    @Test
    void load_packets_cannotBeChangedThroughTheApi() {
        EncodedPacket packet = video.rendition(Rung.R240P).packets().get(0);
        ByteBuffer view = packet.data();
        assertThat(view.isReadOnly()).isTrue();
        byte[] copy = packet.toByteArray();
        copy[0] ^= 0x7f;
        assertThat(packet.toByteArray()[0]).isNotEqualTo(copy[0]);
        assertThatThrownBy(() -> video.rendition(Rung.R240P).packets().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void decode_everyPacketOfARendition_givesEveryFrameAtItsSize() throws Exception {
        PreloadedRendition rendition = video.rendition(Rung.R480P);
        List<Long> framePts = new ArrayList<>();
        try (VideoDecoder decoder = new FfmpegVideoDecoder()) {
            decoder.configure(rendition.codecConfig());
            FrameConsumer check = frame -> {
                assertThat(frame.width()).isEqualTo(854);
                assertThat(frame.height()).isEqualTo(480);
                assertThat(frame.rowStrideBytes()).isGreaterThanOrEqualTo(854 * 4);
                assertThat(frame.bgraPixels().remaining()).isEqualTo(frame.rowStrideBytes() * 480);
                assertThat(frame.bgraPixels().get(3)).as("alpha").isEqualTo((byte) 0xff);
                framePts.add(frame.ptsMicros());
            };
            for (EncodedPacket packet : rendition.packets()) {
                decoder.decode(packet, check);
            }
            decoder.flush(check);
        }
        assertThat(framePts).hasSize(rendition.packets().size()).isSorted();
        assertThat(framePts.get(1)).isEqualTo(33_333L);
    }

    @Test
    void decode_intoLentPackedPictures_samePixelsAsTheDecodersOwnAlignedRows() throws Exception {
        // 426 and 854 pixels make packed rows that are not a whole number of swscale's vectors.
        for (Rung rung : Rung.values()) {
            PreloadedRendition rendition = video.rendition(rung);
            List<byte[]> own = new ArrayList<>();
            List<byte[]> lent = new ArrayList<>();
            List<BgraPicture> handedBack = new ArrayList<>();
            try (VideoDecoder ownDecoder = new FfmpegVideoDecoder(); VideoDecoder lentDecoder = new FfmpegVideoDecoder()) {
                ownDecoder.configure(rendition.codecConfig());
                lentDecoder.configure(rendition.codecConfig());
                FrameConsumer ownFrames = frame -> {
                    assertThat(frame.picture()).isNull();
                    own.add(packedRows(frame));
                };
                FrameConsumer lending = new FrameConsumer() {
                    @Override
                    public void accept(DecodedFrame frame) {
                        handedBack.add(frame.picture());
                        assertThat(frame.rowStrideBytes()).isEqualTo(rung.width() * 4);
                        lent.add(packedRows(frame));
                    }

                    @Override
                    public boolean lendsPictures() {
                        return true;
                    }

                    @Override
                    public BgraPicture lend(int width, int height) {
                        return BgraPicture.packed(width, height);
                    }
                };
                for (EncodedPacket packet : rendition.packets().subList(0, 20)) {
                    ownDecoder.decode(packet, ownFrames);
                    lentDecoder.decode(packet, lending);
                }
            }
            assertThat(lent).as(rung.label()).hasSameSizeAs(own).isNotEmpty();
            assertThat(handedBack).doesNotContainNull();
            for (int i = 0; i < own.size(); i++) {
                assertThat(lent.get(i)).as(rung.label() + " frame " + i).isEqualTo(own.get(i));
            }
        }
    }

    @Test
    void decode_consumerLendsNoPicture_givesTheFrameUnconverted() throws Exception {
        PreloadedRendition rendition = video.rendition(Rung.R240P);
        List<DecodedFrame> frames = new ArrayList<>();
        try (VideoDecoder decoder = new FfmpegVideoDecoder()) {
            decoder.configure(rendition.codecConfig());
            FrameConsumer none = new FrameConsumer() {
                @Override
                public void accept(DecodedFrame frame) {
                    frames.add(frame);
                }

                @Override
                public boolean lendsPictures() {
                    return true;
                }
            };
            decoder.decode(rendition.packets().get(0), none);
        }
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0).converted()).isFalse();
        assertThat(frames.get(0).width()).isEqualTo(426);
        assertThat(frames.get(0).ptsMicros()).isZero();
    }

    private static byte[] packedRows(DecodedFrame frame) {
        int row = frame.width() * 4;
        byte[] packed = new byte[row * frame.height()];
        ByteBuffer pixels = frame.bgraPixels();
        for (int y = 0; y < frame.height(); y++) {
            pixels.get(y * frame.rowStrideBytes(), packed, y * row, row);
        }
        return packed;
    }

    @Test
    void decode_switchingRungAtGopBoundaries_givesEachRungsSizeWithoutErrors() throws Exception {
        Rung[] plan = {Rung.R240P, Rung.R1080P, Rung.R480P, Rung.R720P, Rung.R240P, Rung.R1080P};
        List<String> sizes = new ArrayList<>();
        try (VideoDecoder decoder = new FfmpegVideoDecoder()) {
            for (int gop = 0; gop < plan.length; gop++) {
                PreloadedRendition rendition = video.rendition(plan[gop]);
                decoder.configure(rendition.codecConfig());
                List<String> gopSizes = new ArrayList<>();
                for (EncodedPacket packet : rendition.gop(gop)) {
                    decoder.decode(packet, frame -> gopSizes.add(frame.width() + "x" + frame.height()));
                }
                assertThat(gopSizes).as("GOP " + gop).hasSize(rendition.gop(gop).size())
                        .containsOnly(plan[gop].width() + "x" + plan[gop].height());
                sizes.addAll(gopSizes);
            }
        }
        assertThat(sizes).hasSize(plan.length * 15);
    }

    @Test
    void decode_corruptPacket_isADecodeErrorAndDecodingResumesAtTheNextKeyframe() throws Exception {
        PreloadedRendition rendition = video.rendition(Rung.R240P);
        List<EncodedPacket> firstGop = rendition.gop(0);
        byte[] garbage = firstGop.get(3).toByteArray();
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 37 + 11);
        }
        try (VideoDecoder decoder = new FfmpegVideoDecoder()) {
            decoder.configure(rendition.codecConfig());
            for (int i = 0; i < 3; i++) {
                decoder.decode(firstGop.get(i), frame -> { });
            }
            EncodedPacket corrupt = EncodedPacket.of(firstGop.get(3).ptsMicros(), firstGop.get(3).dtsMicros(), false, garbage);
            assertThatThrownBy(() -> decoder.decode(corrupt, frame -> { }))
                    .isInstanceOf(DecodeException.class).hasMessageContaining("h264");
            int[] frames = {0};
            for (EncodedPacket packet : rendition.gop(1)) {
                decoder.decode(packet, frame -> frames[0]++);
            }
            assertThat(frames[0]).isEqualTo(rendition.gop(1).size());
        }
    }

    @Test
    void decode_beforeConfigure_isRefused() {
        try (VideoDecoder decoder = new FfmpegVideoDecoder()) {
            assertThatThrownBy(() -> decoder.decode(video.rendition(Rung.R240P).packets().get(0), frame -> { }))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void load_pathLikeOrUnknownId_isRefused() {
        assertThatThrownBy(() -> library.load("../sample")).isInstanceOf(InvalidVideoIdException.class);
        assertThatThrownBy(() -> library.load("sample/../sample")).isInstanceOf(InvalidVideoIdException.class);
        assertThatThrownBy(() -> library.load("/etc")).isInstanceOf(InvalidVideoIdException.class);
        assertThatThrownBy(() -> library.load("nothing-here"))
                .isInstanceOf(VideoNotFoundException.class).hasMessageContaining("\"nothing-here\"");
    }
}
