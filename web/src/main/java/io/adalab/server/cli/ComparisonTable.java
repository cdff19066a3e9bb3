package io.adalab.server.cli;

import io.adalab.core.events.RunStatus;
import io.adalab.core.spec.ExperimentPlan;
import io.adalab.core.spec.Labels;
import io.adalab.core.spec.RunSpec;
import io.adalab.core.train.RunOutcome;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The end-of-experiment summary: one row per compared configuration, seeds aggregated as mean ± std. */
final class ComparisonTable {
    private ComparisonTable() {
    }

    static void print(PrintWriter out, ExperimentPlan plan, List<RunOutcome> outcomes) {
        Map<Integer, List<Integer>> byConfig = new LinkedHashMap<>();
        for (int i = 0; i < plan.runs().size(); i++) {
            byConfig.computeIfAbsent(plan.runs().get(i).configIndex(), k -> new ArrayList<>()).add(i);
        }
        boolean problem = plan.runs().get(0).isProblem();
        // language models report perplexity where classifiers report accuracy
        boolean lm = outcomes.stream().anyMatch(o -> o.finalMetrics().containsKey("test_perplexity"));
        String third = lm ? "test perplexity" : "test accuracy";
        // labels the user wrote (e.g. "Adam (DeepOBS 92.34 %)") get a column; generated ones repeat the settings
        boolean labels = plan.runs().stream().anyMatch(r -> !r.label().startsWith(r.optimizer().id()));
        List<String> head = new ArrayList<>();
        if (labels) {
            head.add("configuration");
        }
        head.addAll(List.of("optimizer", "hyperparameters", "runs"));
        head.addAll(problem ? List.of("final loss", "suboptimality") : List.of("train loss", "test loss", third));
        // optimizer state as a multiple of the parameters' size: Adam 2x, Lion 1x, Adafactor much less
        head.addAll(List.of("state", lm ? "tokens/s" : "steps/s", "wall time"));
        TextTable t = new TextTable(head.toArray(String[]::new));
        for (List<Integer> idx : byConfig.values()) {
            RunSpec first = plan.runs().get(idx.get(0));
            List<Map<String, Double>> m = new ArrayList<>();
            int ok = 0;
            List<String> bad = new ArrayList<>();
            for (int i : idx) {
                RunOutcome o = outcomes.get(i);
                m.add(o.finalMetrics());
                if (o.status() == RunStatus.FINISHED) {
                    ok++;
                } else {
                    bad.add(o.status().name().toLowerCase(Locale.ROOT));
                }
            }
            String runs = ok + "/" + idx.size() + (bad.isEmpty() ? "" : " (" + String.join(", ", bad) + ")");
            String hp = hyperparameters(first);
            List<Object> row = new ArrayList<>();
            if (labels) {
                row.add(first.label());
            }
            row.add(first.optimizer().id());
            row.add(hp);
            row.add(runs);
            if (problem) {
                row.addAll(List.of(stat(m, "final_loss"), stat(m, "suboptimality")));
            } else {
                row.addAll(List.of(stat(m, m.get(0).containsKey("train_loss") ? "train_loss" : "train_minibatch_loss"),
                    stat(m, "test_loss"), lm ? stat(m, "test_perplexity") : percent(m, "test_accuracy")));
            }
            row.add(state(m));
            row.add(stat(m, lm ? "tokens_per_second" : "steps_per_second"));
            row.add(seconds(m));
            t.add(row.toArray());
        }
        out.println();
        out.println("Experiment " + plan.name() + ": " + plan.runs().size() + " runs, mean ± std over seeds");
        t.print(out);
    }

    /** The values that differ from the optimizer's defaults (the rest is in `adalab runs show`). */
    static String hyperparameters(RunSpec r) {
        StringBuilder s = new StringBuilder();
        var schema = r.optimizer().extension().schema();
        r.optimizer().hyperparameters().asMap().forEach((k, v) -> {
            var h = schema.get(k);
            boolean isDefault = h != null && h.defaultValue() != null && h.defaultValue().equals(v);
            if (!isDefault) {
                s.append(s.length() == 0 ? "" : " ").append(k).append('=').append(Labels.value(v));
            }
        });
        if (r.schedule() != null) {
            s.append(s.length() == 0 ? "" : " ").append("schedule=").append(r.schedule().id());
        }
        if (r.warmupSteps() > 0) {
            s.append(" warmup=").append(r.warmupSteps());
        }
        return s.length() == 0 ? "(defaults)" : s.toString();
    }

    /** The optimizer's state per parameter byte, e.g. {@code 2×} (the same for every seed). */
    private static String state(List<Map<String, Double>> m) {
        double[] v = values(m, "optimizer_state_per_parameter");
        return v.length == 0 ? "-" : Labels.value(v[0]) + "×";
    }

    private static double[] values(List<Map<String, Double>> m, String key) {
        return m.stream().map(x -> x.get(key)).filter(v -> v != null && Double.isFinite(v)).mapToDouble(Double::doubleValue).toArray();
    }

    static String stat(List<Map<String, Double>> m, String key) {
        double[] v = values(m, key);
        if (v.length == 0) {
            return "-";
        }
        double mean = java.util.Arrays.stream(v).average().orElse(Double.NaN);
        if (v.length == 1) {
            return TextTable.num(mean);
        }
        double var = java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1);
        return TextTable.num(mean) + " ± " + TextTable.num(Math.sqrt(var));
    }

    private static String percent(List<Map<String, Double>> m, String key) {
        double[] v = values(m, key);
        if (v.length == 0) {
            return "-";
        }
        double mean = java.util.Arrays.stream(v).average().orElse(Double.NaN);
        double sd = v.length < 2 ? 0 : Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1));
        return v.length < 2 ? String.format(Locale.ROOT, "%.2f%%", 100 * mean)
            : String.format(Locale.ROOT, "%.2f%% ± %.2f", 100 * mean, 100 * sd);
    }

    private static String seconds(List<Map<String, Double>> m) {
        double[] v = values(m, "wall_seconds");
        return v.length == 0 ? "-" : String.format(Locale.ROOT, "%.1fs", java.util.Arrays.stream(v).sum() / v.length);
    }
}
