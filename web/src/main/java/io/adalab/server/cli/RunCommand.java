package io.adalab.server.cli;

import io.adalab.core.Workbench;
import io.adalab.core.events.RunStatus;
import io.adalab.core.spec.ExperimentPlan;
import io.adalab.core.train.RunOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code adalab run FILE}: validate, store, train every run with live progress, print the comparison. */
@Command(name = "run", description = "Run an experiment file (YAML or JSON) and print the comparison.")
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "experiment spec, e.g. experiments/quickstart.yaml")
    Path file;

    @Option(names = "--validate", description = "only check the spec; store and run nothing")
    boolean validateOnly;

    @Option(names = "--progress", description = "progress display: auto, bars, lines, none (default: ${DEFAULT-VALUE})",
        defaultValue = "auto")
    String progress;

    @Mixin
    CommonOptions common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String text = read(file);
        try (Workbench wb = common.open()) {
            ExperimentPlan plan;
            try {
                plan = wb.planner().plan(text, file.toString().endsWith(".json"));
            } catch (io.adalab.core.spec.SpecException e) {
                throw new CliError(2, file + ": " + e.describe());
            }
            if (validateOnly) {
                out.println(file + ": valid, " + plan.runs().size() + " runs");
                return 0;
            }
            if (plan.runs().stream().anyMatch(r -> !r.isProblem())) {
                Workbench.initNd4j();
            }
            Workbench.Launched launched = wb.launch(plan);
            out.println("Experiment " + plan.name() + " (#" + launched.experimentId() + "): " + plan.runs().size()
                + " runs on " + wb.scheduler().workers() + " workers, data in " + wb.settings().dataDir());
            List<RunOutcome> outcomes = ProgressBoard.await(wb, out, progress, launched.runIds(), plan.runs(), launched.outcomes());
            if (plan.rangeTest() != null) {
                RangeTestReport.print(out, wb, plan, launched.runIds());
            } else {
                ComparisonTable.print(out, plan, outcomes);
            }
            long failed = outcomes.stream().filter(o -> o.status() == RunStatus.FAILED).count();
            out.println("Stored in " + wb.settings().dataDir() + "; see `adalab runs list --experiment " + plan.name() + "`.");
            if (failed > 0) {
                spec.commandLine().getErr().println("error: " + failed + " run(s) failed; `adalab runs show ID` tells why");
                return 1;
            }
            return 0;
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new CliError(2, "no such file: " + file);
        } catch (IOException e) {
            throw new CliError(2, "cannot read " + file + ": " + e.getMessage());
        }
    }
}
