package io.adalab.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code adalab bench ...}: benchmarks that print a table, side by side with their baseline. */
@Command(name = "bench", description = "Benchmarks: our trainer and optimizers against DL4J's own.",
    subcommands = {BenchTrainCommand.class, BenchStepCommand.class})
final class BenchCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
