package org.adaptivestream.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preparing from files: the ladder's shape, the frame rate rules, every bad input, cancel and replace. */
class PrepareFileTest {

    private static final FrameRate SOURCE_RATE = FrameRate.of(25);
    private static final int SOURCE_FRAMES = 50;

    @TempDir
    static Path sources;
    /** A 4:3, 25 fps, 2 s clip: small enough to prepare in a few seconds, odd enough to exercise padding. */
    static Path fourByThree;

    @TempDir
    Path home;

    @BeforeAll
    static void makeSource() throws Exception {
        fourByThree = TestClips.writeClip(sources.resolve("Four By Three.mp4"), 320, 240, SOURCE_RATE, SOURCE_FRAMES);
    }

    private MediaLibrary library() {
        return new MediaLibrary(home.resolve("static"));
    }

    @Test
    void prepare_shortClip_writesFourRenditionsWithAlignedKeyframes() throws Exception {
        List<PrepareProgress> progress = new ArrayList<>();
        Manifest manifest = library().prepare(PrepareRequest.of(fourByThree), progress::add, CancelToken.never());

        assertThat(manifest.id()).isEqualTo("four-by-three");
        assertThat(manifest.title()).isEqualTo("Four By Three.mp4");
        assertThat(manifest.frameRate()).isEqualTo(SOURCE_RATE);
        assertThat(manifest.durationMicros()).isEqualTo(2_000_000);
        assertThat(manifest.gopFrames()).isEqualTo(13); // 500 ms at 25 fps, rounded
        assertThat(manifest.keyframeCount()).isEqualTo(4);

        Path folder = home.resolve("static/four-by-three");
        List<Long> referenceKeyframes = null;
        for (Rung rung : Rung.values()) {
            RenditionEntry entry = manifest.rendition(rung);
            TestClips.Probe probe = TestClips.probe(folder.resolve(entry.file()));
            assertThat(probe.width()).as(rung.label()).isEqualTo(rung.width());
            assertThat(probe.height()).as(rung.label()).isEqualTo(rung.height());
            assertThat(probe.frameRate()).isEqualTo(25.0);
            assertThat(probe.ptsMicros()).hasSize(SOURCE_FRAMES);
            assertThat(entry.packetCount()).isEqualTo(SOURCE_FRAMES);
            assertThat(entry.sizeBytes()).isEqualTo(Files.size(folder.resolve(entry.file())));
            assertThat(probe.keyframeMicros()).containsExactly(0L, 520_000L, 1_040_000L, 1_560_000L);
            if (referenceKeyframes == null) {
                referenceKeyframes = probe.keyframeMicros();
            }
            assertThat(probe.keyframeMicros()).as(rung + " keyframes").isEqualTo(referenceKeyframes);
        }
        assertThat(ManifestJson.read(folder)).isEqualTo(manifest);
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1).fraction()).isEqualTo(1.0);
        assertThat(TestClips.everythingUnder(home.resolve("static")))
                .allMatch(p -> !p.getFileName().toString().startsWith("."), "no staging folder left");
    }

    @Test
    void prepare_fasterThanSixtyFps_isCappedAtSixty() throws Exception {
        Path fast = TestClips.writeClip(home.resolve("fast.mp4"), 160, 120, FrameRate.of(90), 90);
        Manifest manifest = library().prepare(PrepareRequest.of(fast).withGopMillis(250), ProgressListener.none(),
                CancelToken.never());
        assertThat(manifest.frameRate()).isEqualTo(FrameRate.of(60));
        assertThat(manifest.rendition(Rung.R240P).packetCount()).isEqualTo(60);
        assertThat(manifest.gopFrames()).isEqualTo(15);
        assertThat(manifest.keyframeCount()).isEqualTo(4);
    }

    @Test
    void prepare_missingFile_failsAndLeavesNothing() {
        Path missing = home.resolve("no-such.mp4");
        assertThatThrownBy(() -> library().prepare(PrepareRequest.of(missing), ProgressListener.none(), CancelToken.never()))
                .isInstanceOf(InputNotFoundException.class).hasMessageContaining(missing.toString());
        assertThat(home.resolve("static")).doesNotExist();
    }

    @Test
    void prepare_folderAsInput_failsAsNotAFile() {
        assertThatThrownBy(() -> library().prepare(PrepareRequest.of(home), ProgressListener.none(), CancelToken.never()))
                .isInstanceOf(InputNotFoundException.class).hasMessageContaining("Not a regular file");
    }

    @Test
    void prepare_textFile_failsAndLeavesNothing() throws Exception {
        Path text = Files.writeString(home.resolve("notes.txt"), "Not a video at all.\nJust words.\n".repeat(50));
        assertThatThrownBy(() -> library().prepare(PrepareRequest.of(text), ProgressListener.none(), CancelToken.never()))
                .isInstanceOf(UnreadableVideoException.class).hasMessageContaining(text.toString());
        TestClips.assertNoVideoLeft(home.resolve("static"));
    }

    @Test
    void prepare_textFileNamedMp4_failsAndLeavesNothing() throws Exception {
        Path text = Files.writeString(home.resolve("fake.mp4"), "hello\n");
        assertThatThrownBy(() -> library().prepare(PrepareRequest.of(text), ProgressListener.none(), CancelToken.never()))
                .isInstanceOf(UnreadableVideoException.class).hasMessageContaining(text.toString());
        TestClips.assertNoVideoLeft(home.resolve("static"));
    }

    @Test
    void prepare_truncatedMp4_failsAndLeavesNothing() throws Exception {
        Path truncated = home.resolve("truncated.mp4");
        Files.copy(fourByThree, truncated);
        try (RandomAccessFile file = new RandomAccessFile(truncated.toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }
        assertThatThrownBy(() -> library().prepare(PrepareRequest.of(truncated), ProgressListener.none(), CancelToken.never()))
                .isInstanceOf(UnreadableVideoException.class).hasMessageContaining(truncated.toString());
        TestClips.assertNoVideoLeft(home.resolve("static"));
    }

    @Test
    void prepare_staticIsAFile_failsWithOutputNotWritable() throws Exception {
        Path staticFile = Files.writeString(home.resolve("static"), "in the way");
        assertThatThrownBy(() -> library().prepare(PrepareRequest.of(fourByThree), ProgressListener.none(), CancelToken.never()))
                .isInstanceOf(OutputNotWritableException.class).hasMessageContaining(staticFile.toString());
        assertThat(Files.readString(staticFile)).isEqualTo("in the way");
    }

    @Test
    void prepare_readOnlyStaticFolder_failsWithOutputNotWritable() throws Exception {
        Path staticDir = Files.createDirectory(home.resolve("static"));
        boolean readOnly = staticDir.toFile().setWritable(false, false);
        try {
            org.junit.jupiter.api.Assumptions.assumeTrue(readOnly && !Files.isWritable(staticDir),
                    "permissions are not enforced here (running as root?)");
            assertThatThrownBy(() -> library().prepare(PrepareRequest.of(fourByThree), ProgressListener.none(),
                    CancelToken.never()))
                    .isInstanceOf(OutputNotWritableException.class).hasMessageContaining(staticDir.toString());
        } finally {
            staticDir.toFile().setWritable(true, false);
        }
    }

    @Test
    void prepare_cancelDuringEncoding_leavesNothing() throws Exception {
        CancelToken cancel = new CancelToken();
        assertThatThrownBy(() -> library().prepare(PrepareRequest.of(fourByThree), progress -> cancel.cancel(), cancel))
                .isInstanceOf(PrepareCancelledException.class);
        TestClips.assertNoVideoLeft(home.resolve("static"));
    }

    @Test
    void prepare_cancelledBeforeStart_leavesNothing() throws Exception {
        CancelToken cancel = new CancelToken();
        cancel.cancel();
        assertThatThrownBy(() -> library().prepare(PrepareRequest.of(fourByThree), ProgressListener.none(), cancel))
                .isInstanceOf(PrepareCancelledException.class);
        TestClips.assertNoVideoLeft(home.resolve("static"));
    }

    @Test
    void prepare_existingId_isRefusedAndTheOldVideoIsUntouched() throws Exception {
        MediaLibrary library = library();
        PrepareRequest request = PrepareRequest.of(fourByThree).withId(VideoId.parse("clip"));
        Manifest first = library.prepare(request, ProgressListener.none(), CancelToken.never());
        assertThatThrownBy(() -> library.prepare(request, ProgressListener.none(), CancelToken.never()))
                .isInstanceOf(VideoAlreadyExistsException.class).hasMessageContaining("\"clip\"");
        assertThat(library.manifest("clip")).isEqualTo(first);
    }

    @Test
    void prepare_replaceExisting_whenTheNewOneFails_keepsTheOld() throws Exception {
        MediaLibrary library = library();
        Manifest first = library.prepare(PrepareRequest.of(fourByThree).withId(VideoId.parse("clip")),
                ProgressListener.none(), CancelToken.never());
        Path text = Files.writeString(home.resolve("bad.mp4"), "nope");
        PrepareRequest replacing = PrepareRequest.of(text).withId(VideoId.parse("clip")).replacingExisting(true);
        assertThatThrownBy(() -> library.prepare(replacing, ProgressListener.none(), CancelToken.never()))
                .isInstanceOf(UnreadableVideoException.class);
        assertThat(library.manifest("clip")).isEqualTo(first);
        assertThat(library.list()).containsExactly(new LibraryEntry.Ready(first));
    }

    @Test
    void prepare_replaceExisting_afterSuccess_replacesTheOld() throws Exception {
        MediaLibrary library = library();
        library.prepare(PrepareRequest.of(fourByThree).withId(VideoId.parse("clip")), ProgressListener.none(),
                CancelToken.never());
        Path shorter = TestClips.writeClip(home.resolve("short.mp4"), 160, 90, FrameRate.of(25), 25);
        Manifest second = library.prepare(PrepareRequest.of(shorter).withId(VideoId.parse("clip")).replacingExisting(true),
                ProgressListener.none(), CancelToken.never());
        assertThat(second.durationMicros()).isEqualTo(1_000_000);
        assertThat(library.manifest("clip")).isEqualTo(second);
        assertThat(TestClips.everythingUnder(home.resolve("static")))
                .allMatch(p -> !p.getFileName().toString().startsWith("."), "no hidden folder left");
    }
}
