package io.adalab.server.cli;

import io.adalab.core.Workbench;
import io.adalab.core.analysis.Report;
import io.adalab.core.analysis.ReportBuilder;
import io.adalab.core.store.RunRecord;
import io.adalab.core.store.RunStore;
import io.adalab.server.report.ReportCsv;
import io.adalab.server.report.ReportHtml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code adalab report EXPERIMENT...}: time to target, best configuration per optimizer, LR sensitivity, performance profile. */
@Command(name = "report", description = "Report on experiments (several = a performance profile across problems) as HTML or CSV.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "EXPERIMENT", arity = "1..*", description = "experiment ids or names (the newest with that name)")
    List<String> experiments;

    @Option(names = "--format", defaultValue = "html", description = "html or csv (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write here (default: standard output)")
    Path output;

    @Option(names = "--metric", description = "final metric to rank by (default: test_loss, or final_loss for problems)")
    String metric;

    @Option(names = "--tolerance", defaultValue = "0.1",
        description = "target = best + tolerance x (initial - best) loss, per problem (default: ${DEFAULT-VALUE})")
    double tolerance;

    @Mixin
    CommonOptions common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override public Integer call() throws IOException {
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("html") && !f.equals("csv")) {
            throw new CliError(2, "--format is '" + format + "', must be html or csv");
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new CliError(2, "--tolerance is " + tolerance + ", must be in (0, 1)");
        }
        try (Workbench wb = common.open()) {
            List<Long> ids = new ArrayList<>();
            for (String e : experiments) {
                ids.add(resolve(wb, e));
            }
            Report r = new ReportBuilder(wb.store(), wb.series()).build(ids, metric, tolerance);
            String text = f.equals("html") ? ReportHtml.render(r, String.join(", ", experiments)) : ReportCsv.render(r);
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

    private static long resolve(Workbench wb, String e) {
        if (e.matches("\\d+")) {
            long id = Long.parseLong(e);
            if (wb.store().runs(new RunStore.RunFilter(id, null, null, null, 1)).isEmpty()) {
                throw new CliError(2, "no experiment with id " + id);
            }
            return id;
        }
        List<RunRecord> runs = wb.store().runs(new RunStore.RunFilter(null, e, null, null, 1));
        if (runs.isEmpty()) {
            throw new CliError(2, "no experiment named '" + e + "'; `adalab runs list` shows them");
        }
        return runs.get(0).experimentId();
    }
}
