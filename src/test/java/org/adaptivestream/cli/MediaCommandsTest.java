package org.adaptivestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.adaptivestream.media.CancelToken;
import org.adaptivestream.media.MediaLibrary;
import org.adaptivestream.media.ProgressListener;
import org.adaptivestream.media.VideoId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MediaCommandsTest {

    @TempDir
    Path home;

    private record Run(int code, String out, String err) {
    }

    private Run run(Callable<Integer> command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private MediaLibrary library() {
        return new MediaLibrary(home.resolve("static"));
    }

    @Test
    void rootCommand_listsTheMediaSubcommands() {
        assertThat(Cli.commandLine().getSubcommands()).containsKeys("prepare", "library", "preload");
    }

    @Test
    void library_empty_saysHowToAddAVideo() {
        Run run = run(new LibraryCommand(this::library));
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("No prepared videos").contains("prepare --sample");
    }

    @Test
    void library_withVideosAndDamage_listsBoth() throws Exception {
        library().prepareSample(VideoId.parse("tiny"), 1, false, ProgressListener.none(), CancelToken.never());
        Files.createDirectories(home.resolve("static/wrecked"));
        Run run = run(new LibraryCommand(this::library));
        assertThat(run.code()).isZero();
        assertThat(run.out()).containsPattern("tiny\\s+1\\.0s\\s+240p 480p 720p 1080p")
                .contains("wrecked").contains("DAMAGED: Missing manifest");
    }

    @Test
    void prepare_missingFile_failsWithAClearMessage() {
        Path missing = home.resolve("nope.mp4");
        Run run = run(new PrepareCommand(this::library), missing.toString());
        assertThat(run.code()).isEqualTo(PrepareCommand.EXIT_FAILED);
        assertThat(run.err()).contains("No such file: " + missing);
    }

    @Test
    void prepare_neitherFileNorSample_isAUsageError() {
        Run run = run(new PrepareCommand(this::library));
        assertThat(run.code()).isEqualTo(PrepareCommand.EXIT_USAGE);
        assertThat(run.err()).contains("either a video file or --sample");
    }

    @Test
    void prepare_badId_isRefusedBeforeAnyWork() {
        Run run = run(new PrepareCommand(this::library), "--sample", "--id", "../escape");
        assertThat(run.code()).isEqualTo(PrepareCommand.EXIT_USAGE);
        assertThat(run.err()).contains("Invalid video id \"../escape\"");
        assertThat(home.resolve("static")).doesNotExist();
    }

    @Test
    void preload_loadsAndReportsNumbers() throws Exception {
        library().prepareSample(VideoId.parse("tiny"), 1, false, ProgressListener.none(), CancelToken.never());
        Run run = run(new PreloadCommand(this::library), "tiny");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("tiny: 1.0 s, 2 GOPs").contains("load:").contains("heap held:");
    }
}
