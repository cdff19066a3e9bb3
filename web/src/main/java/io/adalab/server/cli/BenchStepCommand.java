package io.adalab.server.cli;

import io.adalab.core.Workbench;
import io.adalab.server.cli.bench.StepBenchmark;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code adalab bench step}: one optimizer step on 1e6 and 1e7 float32 parameters, our plugins
 * against DL4J's native updaters and a memory-bandwidth triad, all in one run.
 */
@Command(name = "step", description = "One optimizer step at 1e6/1e7 float32 parameters vs DL4J's updaters and memory bandwidth.")
final class BenchStepCommand implements Callable<Integer> {
    @Option(names = "--sizes", split = ",", paramLabel = "N", description = "parameter counts (default: 1000000,10000000)")
    List<Integer> sizes;

    @Option(names = "--optimizers", split = ",", paramLabel = "ID", description = "optimizer ids (default: adam,adamw,adagrad,rmsprop,lion)")
    List<String> optimizers;

    @Option(names = "--repetitions", paramLabel = "N", description = "measured steps per method and size (default: 20)")
    Integer repetitions;

    @Mixin
    CommonOptions common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override public Integer call() throws Exception {
        StepBenchmark.Options d = StepBenchmark.Options.defaults();
        StepBenchmark.Options o = new StepBenchmark.Options(sizes == null ? d.sizes() : sizes,
            optimizers == null ? d.optimizers() : optimizers, repetitions == null ? d.repetitions() : repetitions, d.warmup());
        common.dataDir = Files.createTempDirectory("adalab-bench");
        try (Workbench wb = common.open()) {
            StepBenchmark.run(wb.registry(), o, spec.commandLine().getOut());
        } catch (IllegalArgumentException e) {
            throw new CliError(2, e.getMessage());
        }
        return 0;
    }
}
