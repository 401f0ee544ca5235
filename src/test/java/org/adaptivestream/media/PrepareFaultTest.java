package org.adaptivestream.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.adaptivestream.testkit.Eventually;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Preparing fails half-way for reasons outside the app: the disk fills up, or the process is
 * killed. Either way the library is never left damaged: the videos it had still load, the
 * failed one is not listed, and preparing it again works. (Corrupt inputs: {@link PrepareFileTest}.)
 */
@Timeout(180)
class PrepareFaultTest {

    @TempDir
    Path home;

    private static Manifest prepareSample(MediaLibrary library, String id, int seconds) throws MediaException {
        return library.prepareSample(VideoId.parse(id), seconds, false, ProgressListener.none(), CancelToken.never());
    }

    private static List<String> hiddenFolders(Path staticDir) throws IOException {
        try (Stream<Path> files = Files.list(staticDir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    @Test
    void prepare_diskFullHalfWay_failsCleanlyAndKeepsTheLibraryWhole() throws Exception {
        Path mount = Files.createDirectory(home.resolve("small-disk"));
        // A real full disk: a 3 MB tmpfs. Needs root and a kernel that allows it (true where we test).
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", mount.toString()) == 0,
                "cannot mount a tmpfs here (not root, or inside a restricted container)");
        try {
            Path staticDir = mount.resolve("static");
            MediaLibrary library = new MediaLibrary(staticDir);
            Manifest kept = prepareSample(library, "kept", 1);
            long free = Files.getFileStore(mount).getUsableSpace();
            Path filler = mount.resolve("filler");
            Files.write(filler, new byte[(int) Math.max(0, free - 200 * 1024)]);

            assertThatThrownBy(() -> prepareSample(library, "victim", 3)).isInstanceOf(MediaException.class);

            assertThat(library.list()).containsExactly(new LibraryEntry.Ready(kept));
            assertThat(library.manifest("kept")).isEqualTo(kept);
            assertThat(hiddenFolders(staticDir)).as("staging folder cleaned up").isEmpty();
            Files.delete(filler);
            Manifest again = prepareSample(library, "victim", 1);
            assertThat(library.list()).containsExactly(new LibraryEntry.Ready(kept), new LibraryEntry.Ready(again));
        } finally {
            run("umount", "-l", mount.toString());
        }
    }

    @Test
    void prepare_processKilledHalfWay_libraryStaysWholeAndTheVideoCanBePreparedAgain() throws Exception {
        Path staticDir = home.resolve("static");
        MediaLibrary library = new MediaLibrary(staticDir);
        Manifest kept = prepareSample(library, "kept", 1);

        String classPath = String.join(File.pathSeparator, Stream.of(
                        System.getProperty("jdk.module.path", ""), System.getProperty("java.class.path", ""))
                .filter(s -> !s.isEmpty()).toList());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dadaptivestream.home=" + home, "-Djava.awt.headless=true",
                "-cp", classPath, "org.adaptivestream.Main", "prepare", "--sample", "--seconds", "30", "--id", "victim"));
        Process prepare = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("prepare.log").toFile()).start();
        try {
            // Kill once encoding has visibly started: a staging folder holding a non-empty file.
            boolean midWay = Eventually.within(Duration.ofSeconds(60), () -> stagingBytes(staticDir) > 50_000);
            assertThat(midWay).as("prepare never got going:\n%s", Files.readString(home.resolve("prepare.log"))).isTrue();
            assertThat(prepare.isAlive()).as("it must still be working when killed").isTrue();
        } finally {
            prepare.destroyForcibly(); // SIGKILL: no cleanup code runs
            prepare.waitFor(10, TimeUnit.SECONDS);
        }

        assertThat(library.list()).as("the killed video is not listed, the other is whole")
                .containsExactly(new LibraryEntry.Ready(kept));
        assertThat(library.load(VideoId.parse("kept")).manifest()).isEqualTo(kept);
        // What a kill leaves is a hidden staging folder, never listed; preparing again works.
        assertThat(hiddenFolders(staticDir)).allMatch(n -> n.startsWith(".prepare-victim-"));
        Manifest again = prepareSample(library, "victim", 1);
        assertThat(library.list()).containsExactly(new LibraryEntry.Ready(kept), new LibraryEntry.Ready(again));
    }

    private static long stagingBytes(Path staticDir) {
        if (!Files.isDirectory(staticDir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(staticDir)) {
            return files.filter(p -> p.toString().contains(".prepare-victim-") && Files.isRegularFile(p))
                    .mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0; // a file vanished while walking
        }
    }
}
