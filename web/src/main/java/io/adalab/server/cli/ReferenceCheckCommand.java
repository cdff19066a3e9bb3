package io.adalab.server.cli;

import io.adalab.api.LearningRateSchedule;
import io.adalab.api.Optimizer;
import io.adalab.core.Workbench;
import io.adalab.core.plugin.ExtensionKind;
import io.adalab.core.store.Json;
import io.adalab.testkit.reference.ReferenceReplay;
import io.adalab.testkit.reference.ReplayResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code adalab reference-check PATH...}: replays optimizer-reference/1 trajectories with the loaded
 * plugins in float64 and reports pass/fail per case with the worst error per quantity.
 */
@Command(name = "reference-check", description = "Replay optimizer-reference/1 files (or folders of them) with our plugins.")
final class ReferenceCheckCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", arity = "1..*", description = "case files or folders (searched recursively)")
    List<Path> paths;

    @Option(names = "--json", description = "print [{file, status, max_error}] as JSON")
    boolean json;

    @Mixin
    CommonOptions common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new CliError(2, "no such file or folder: " + p);
            }
            try (Stream<Path> s = Files.walk(p)) {
                s.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".json")).sorted()
                    .filter(ReferenceReplay::isCase).forEach(files::add);
            }
        }
        try (Workbench wb = common.open()) {
            ReferenceReplay replay = new ReferenceReplay(
                id -> wb.registry().<Optimizer>extension(ExtensionKind.OPTIMIZER, id),
                id -> wb.registry().<LearningRateSchedule>extension(ExtensionKind.SCHEDULE, id));
            List<Map<String, Object>> results = new ArrayList<>();
            int pass = 0;
            int fail = 0;
            int unsupported = 0;
            for (Path f : files) {
                ReplayResult r = replay.replay(f);
                switch (r.status()) {
                    case PASS -> pass++;
                    case FAIL -> fail++;
                    default -> unsupported++;
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", f.toString());
                m.put("case", r.caseName());
                m.put("status", r.status().name().toLowerCase(Locale.ROOT));
                m.put("steps", r.steps());
                m.put("max_error", r.maxError());
                m.put("tolerance", r.tolerance());
                if (r.message() != null && !r.message().isEmpty()) {
                    m.put("message", r.message());
                }
                results.add(m);
                if (!json) {
                    StringBuilder errs = new StringBuilder();
                    r.maxError().forEach((k, v) -> errs.append(' ').append(k).append(' ').append(String.format(Locale.ROOT, "%.1e", v)));
                    out.printf("%-12s %-52s%s%s%n", r.status(), r.caseName(), errs,
                        r.status() == ReplayResult.Status.PASS || r.message() == null ? "" : "  " + r.message());
                }
            }
            if (json) {
                out.println(Json.write(results));
            } else {
                out.printf("%d passed, %d failed, %d unsupported (%d case files)%n", pass, fail, unsupported, files.size());
            }
            return fail == 0 ? 0 : 1;
        }
    }
}
