package org.adaptivestream.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bench}: the parent of every benchmark; each kind is a subcommand. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks. Run 'bench <kind> --help' for one kind's options.",
        subcommands = {BenchServerCommand.class, BenchClientCommand.class, BenchLatencyCommand.class,
                BenchAbrCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
