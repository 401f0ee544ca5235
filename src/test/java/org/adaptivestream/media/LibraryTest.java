package org.adaptivestream.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing the library and loading from it when folders are damaged. */
class LibraryTest {

    @TempDir
    static Path template;
    static Path preparedFolder;

    @TempDir
    Path home;
    MediaLibrary library;

    @BeforeAll
    static void prepareOneSecondVideo() throws Exception {
        new MediaLibrary(template).prepareSample(VideoId.parse("good"), 1, false, ProgressListener.none(), CancelToken.never());
        preparedFolder = template.resolve("good");
    }

    @BeforeEach
    void copyVideoInto() throws Exception {
        library = new MediaLibrary(home.resolve("static"));
        copyPrepared("good");
    }

    private Path copyPrepared(String id) throws Exception {
        Path target = Files.createDirectories(library.staticDir().resolve(id));
        try (var files = Files.list(preparedFolder)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path manifest = target.resolve(Manifest.FILE_NAME);
        Files.writeString(manifest, Files.readString(manifest).replace("\"id\" : \"good\"", "\"id\" : \"" + id + "\""));
        return target;
    }

    @Test
    void list_noStaticFolder_isEmpty(@TempDir Path elsewhere) throws Exception {
        assertThat(new MediaLibrary(elsewhere.resolve("static")).list()).isEmpty();
    }

    @Test
    void list_readyVideo_isListedWithItsManifest() throws Exception {
        List<LibraryEntry> entries = library.list();
        assertThat(entries).hasSize(1);
        Manifest manifest = ((LibraryEntry.Ready) entries.get(0)).manifest();
        assertThat(manifest.id()).isEqualTo("good");
        assertThat(manifest.durationMicros()).isEqualTo(1_000_000);
        assertThat(manifest.totalBytes()).isPositive();
    }

    @Test
    void list_damagedFolders_areReportedNotThrown() throws Exception {
        Files.createDirectories(library.staticDir().resolve("no-manifest"));
        Path corrupt = Files.createDirectories(library.staticDir().resolve("corrupt"));
        Files.writeString(corrupt.resolve(Manifest.FILE_NAME), "{ \"id\" : ");
        Path missingFile = copyPrepared("missing-file");
        Files.delete(missingFile.resolve("720p.mp4"));
        Path truncatedFile = copyPrepared("truncated-file");
        Files.write(truncatedFile.resolve("240p.mp4"), new byte[10]);
        Files.createDirectories(library.staticDir().resolve("Not An Id"));
        Files.createDirectories(library.staticDir().resolve(".prepare-leftover-123"));
        Files.writeString(library.staticDir().resolve("README.md"), "not a folder");

        List<LibraryEntry> entries = library.list();

        assertThat(entries).extracting(LibraryEntry::folderName)
                .containsExactly("Not An Id", "corrupt", "good", "missing-file", "no-manifest", "truncated-file");
        assertThat(entries).filteredOn(LibraryEntry.Ready.class::isInstance).extracting(LibraryEntry::folderName)
                .containsExactly("good");
        assertThat(entries).filteredOn(LibraryEntry.Damaged.class::isInstance)
                .extracting(e -> ((LibraryEntry.Damaged) e).problem())
                .anySatisfy(p -> assertThat(p).contains("Missing manifest"))
                .anySatisfy(p -> assertThat(p).contains("Corrupt manifest"))
                .anySatisfy(p -> assertThat(p).contains("missing rendition file").contains("720p.mp4"))
                .anySatisfy(p -> assertThat(p).contains("240p.mp4").contains("10 bytes"))
                .anySatisfy(p -> assertThat(p).contains("not a valid video id"));
    }

    @Test
    void load_missingRenditionFile_isDamaged() throws Exception {
        Files.delete(copyPrepared("broken").resolve("1080p.mp4"));
        assertThatThrownBy(() -> library.load("broken"))
                .isInstanceOf(DamagedVideoException.class).hasMessageContaining("1080p.mp4");
    }

    @Test
    void load_garbageRenditionFile_isDamaged() throws Exception {
        Files.writeString(copyPrepared("broken").resolve("480p.mp4"), "garbage");
        assertThatThrownBy(() -> library.load("broken"))
                .isInstanceOf(DamagedVideoException.class).hasMessageContaining("480p.mp4");
    }

    @Test
    void load_renditionsSwapped_isDamaged() throws Exception {
        Path broken = copyPrepared("broken");
        Files.copy(broken.resolve("240p.mp4"), broken.resolve("720p.mp4"), StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> library.load("broken"))
                .isInstanceOf(DamagedVideoException.class).hasMessageContaining("426x240");
    }

    @Test
    void load_copiedVideo_loadsLikeTheOriginal() throws Exception {
        PreloadedVideo video = library.load("good");
        assertThat(video.gopCount()).isEqualTo(2);
        assertThat(video.rendition(Rung.R1080P).packets()).hasSize(30);
    }
}
