package org.adaptivestream.cli;

import java.util.function.Supplier;
import org.adaptivestream.Workspace;
import org.adaptivestream.media.MediaLibrary;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: one place that lists the subcommands. */
@Command(name = "adaptivestream",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Adaptive video streaming over TLS. Without a subcommand the desktop app opens.")
public final class Cli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Builds the command tree; subcommands are registered here and nowhere else. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Cli());
        Supplier<MediaLibrary> library = () -> MediaLibrary.of(Workspace.current());
        cli.addSubcommand(new PrepareCommand(library));
        cli.addSubcommand(new LibraryCommand(library));
        cli.addSubcommand(new PreloadCommand(library));
        cli.addSubcommand(new NetlabCommand());
        cli.addSubcommand(new ServerCommand(Workspace::current));
        cli.addSubcommand(new ClientCommand(Workspace::current));
        cli.addSubcommand(new BenchCommand());
        cli.addSubcommand(new SoakCommand(library));
        return cli;
    }

    /** Runs the command line and returns the process exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }
}
