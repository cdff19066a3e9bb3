package io.adalab.server.cli;

import io.adalab.core.ResumeException;
import io.adalab.core.Workbench;
import io.adalab.core.train.RunOutcome;
import io.adalab.core.events.RunStatus;
import io.adalab.core.store.Json;
import io.adalab.core.store.RunRecord;
import io.adalab.core.store.RunStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code adalab runs list|show|export|resume}: read stored runs back, continue a stopped one. */
@Command(name = "runs", description = "List, show, export and resume stored runs.",
    subcommands = {RunsCommand.ListRuns.class, RunsCommand.Show.class, RunsCommand.Export.class, RunsCommand.Resume.class})
final class RunsCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static RunRecord find(Workbench wb, long id) {
        return wb.store().run(id).orElseThrow(() -> new CliError(2, "no run with id " + id
            + " in " + wb.settings().dataDir() + "; `adalab runs list` shows the ids"));
    }

    @Command(name = "list", description = "List runs, newest experiment first.")
    static final class ListRuns implements Callable<Integer> {
        @Option(names = "--json", description = "print a JSON array")
        boolean json;

        @Option(names = "--experiment", paramLabel = "NAME", description = "only this experiment")
        String experiment;

        @Option(names = "--status", paramLabel = "STATUS", description = "only runs with this status (${COMPLETION-CANDIDATES})")
        RunStatus status;

        @Option(names = "--limit", paramLabel = "N", description = "at most N runs")
        Integer limit;

        @Mixin
        CommonOptions common;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Workbench wb = common.open()) {
                List<RunRecord> runs = wb.store().runs(new RunStore.RunFilter(null, experiment, status, null, limit));
                if (json) {
                    List<Map<String, Object>> l = new ArrayList<>();
                    runs.forEach(r -> l.add(r.summary()));
                    out.println(Json.write(l));
                    return 0;
                }
                TextTable t = new TextTable("id", "experiment", "configuration", "seed", "status", "steps", "train loss",
                    "test accuracy", "final loss");
                for (RunRecord r : runs) {
                    Map<String, Object> f = r.finalMetrics();
                    t.add(r.id(), r.experiment(), r.label(), r.seed(), r.status(), r.steps(), num(f.get("train_loss")),
                        pct(f.get("test_accuracy")), num(f.get("final_loss")));
                }
                t.print(out);
                return 0;
            }
        }
    }

    @Command(name = "show", description = "Show one run: provenance, final and per-epoch metrics, stored series.")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "ID")
        long id;

        @Option(names = "--json", description = "print JSON")
        boolean json;

        @Mixin
        CommonOptions common;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Workbench wb = common.open()) {
                RunRecord r = find(wb, id);
                Map<Integer, Map<String, Double>> epochs = wb.store().epochMetrics(id);
                if (json) {
                    Map<String, Object> m = r.details();
                    m.put("epochs", epochs);
                    out.println(Json.write(m));
                    return 0;
                }
                out.printf("Run %d of experiment %s (#%d), seed %d%n", r.id(), r.experiment(), r.experimentId(), r.seed());
                out.printf("  status      %s%s%n", r.status(), r.message() == null || r.message().isEmpty() ? "" : ": " + r.message());
                out.printf("  optimizer   %s from plugin %s %s%n", r.optimizer(), r.optimizerPlugin(), r.optimizerVersion());
                out.printf("  settings    %s%n", Json.write(r.hyperparameters()));
                if (r.spec().get("schedule") != null) {
                    out.printf("  schedule    %s%n", Json.write(r.spec().get("schedule")));
                }
                Object what = r.spec().containsKey("problem") ? r.spec().get("problem") : r.spec().get("model");
                out.printf("  trained     %s on %s, %s parameters%n", Json.write(what),
                    r.spec().containsKey("dataset") ? Json.write(r.spec().get("dataset")) : "its own objective", r.parameterCount());
                out.printf("  timing      queued %s, started %s, finished %s, %s steps%n", r.queuedAt(), r.startedAt(), r.finishedAt(), r.steps());
                out.printf("  code        %s%n", r.spec().get("code_version"));
                out.println();
                out.println("Final metrics");
                TextTable f = new TextTable("metric", "value");
                r.finalMetrics().forEach((k, v) -> f.add(k, num(v)));
                f.print(out);
                if (!epochs.isEmpty()) {
                    out.println();
                    out.println("Per epoch");
                    List<String> names = new ArrayList<>(epochs.values().iterator().next().keySet());
                    names.remove("wall_seconds");
                    List<String> header = new ArrayList<>(List.of("epoch"));
                    header.addAll(names);
                    TextTable t = new TextTable(header.toArray(String[]::new));
                    epochs.forEach((e, m) -> {
                        List<Object> row = new ArrayList<>(List.of(e));
                        names.forEach(n -> row.add(num(m.get(n))));
                        t.add(row.toArray());
                    });
                    t.print(out);
                }
                out.println();
                out.println("Stored step series: " + String.join(", ", wb.series().names(id)));
                return 0;
            }
        }
    }

    @Command(name = "resume", description = "Continue a cancelled, failed or interrupted run from its latest checkpoint.")
    static final class Resume implements Callable<Integer> {
        @Parameters(paramLabel = "ID")
        long id;

        @Option(names = "--progress", description = "progress display: auto, bars, lines, none (default: ${DEFAULT-VALUE})",
            defaultValue = "auto")
        String progress;

        @Mixin
        CommonOptions common;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Workbench wb = common.open()) {
                RunRecord r = find(wb, id);
                if (!(r.spec().get("problem") instanceof Map<?, ?>)) {
                    Workbench.initNd4j();
                }
                Workbench.Resumed resumed;
                try {
                    resumed = wb.resume(id);
                } catch (ResumeException e) {
                    throw new CliError(2, e.getMessage());
                }
                out.println("Run " + id + " (" + r.label() + ", seed " + r.seed() + ") "
                    + (resumed.fromStep() > 0 ? "resumes after step " + resumed.fromStep() : "starts over: it kept no checkpoint"));
                RunOutcome o = ProgressBoard.await(wb, out, progress, List.of(id), List.of(resumed.spec()),
                    List.of(resumed.outcome())).get(0);
                out.println("Run " + id + " " + o.status() + (o.message().isEmpty() ? "" : ": " + o.message())
                    + "; `adalab runs show " + id + "` has its metrics.");
                return o.status() == RunStatus.FINISHED ? 0 : 1;
            }
        }
    }

    @Command(name = "export", description = "Export a run's series and metrics as CSV (one row per step) or JSON.")
    static final class Export implements Callable<Integer> {
        @Parameters(paramLabel = "ID")
        long id;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", description = "csv or json (default: ${DEFAULT-VALUE})")
        String format;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write here instead of standard output")
        Path output;

        @Mixin
        CommonOptions common;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override public Integer call() throws IOException {
            String f = format.toLowerCase(Locale.ROOT);
            if (!f.equals("csv") && !f.equals("json")) {
                throw new CliError(2, "--format is '" + format + "', must be csv or json");
            }
            try (Workbench wb = common.open()) {
                RunRecord r = find(wb, id);
                String text = f.equals("csv") ? RunExport.csv(wb, r) : RunExport.json(wb, r);
                if (output == null) {
                    spec.commandLine().getOut().print(text);
                    spec.commandLine().getOut().flush();
                } else {
                    Files.writeString(output, text);
                    spec.commandLine().getErr().println("wrote " + output);
                }
                return 0;
            }
        }
    }

    static String num(Object v) {
        return v instanceof Number n ? TextTable.num(n.doubleValue()) : v == null ? "-" : v.toString();
    }

    static String pct(Object v) {
        return v instanceof Number n ? String.format(Locale.ROOT, "%.2f%%", 100 * n.doubleValue()) : "-";
    }
}
