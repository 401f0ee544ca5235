package org.adaptivestream.jmh;

import org.adaptivestream.adaptation.PolicyRegistry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks with JMH's usual command-line options, adding every policy in
 * {@link PolicyRegistry} as the {@code policy} parameter unless {@code -p policy=…} is given.
 */
public final class JmhMain {

    private JmhMain() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions command = new CommandLineOptions(args);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(command);
        if (!command.getParameter("policy").hasValue()) {
            options.param("policy", PolicyRegistry.names().toArray(String[]::new));
        }
        new Runner(options.build()).run();
    }
}
