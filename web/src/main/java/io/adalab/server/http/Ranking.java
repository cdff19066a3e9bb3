package io.adalab.server.http;

import io.adalab.core.store.RunRecord;
import io.adalab.core.store.SeriesData;
import io.adalab.core.store.SeriesReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The compare table: per configuration (a {@code compare} entry, aggregated over seeds) the final
 * value of the primary metric (mean, std, best), accuracy, wall time, the optimizer's state as a
 * multiple of the parameters' size, and steps and time until the loss first reached a target;
 * ranked by the mean final value, lower first.
 */
final class Ranking {
    private static final String[] GROUP_COLUMNS = {"rank", "config", "optimizer", "runs", "metric", "final_mean", "final_std",
        "final_best", "accuracy_mean", "wall_seconds_mean", "steps_mean", "state_per_parameter", "reached", "steps_to_target_mean", "time_to_target_mean"};
    private final SeriesReader reader;
    private final RunViews views;

    Ranking(SeriesReader reader, RunViews views) {
        this.reader = reader;
        this.views = views;
    }

    Map<String, Object> rank(List<RunRecord> runs, Double target) {
        String metric = RunViews.primaryMetric(runs);
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<Integer, List<Map<String, Object>>> byConfig = new TreeMap<>();
        for (RunRecord r : runs) {
            Map<String, Object> row = new LinkedHashMap<>();
            int config = r.spec().get("config_index") instanceof Number n ? n.intValue() : r.index();
            row.put("run", r.id());
            row.put("config_index", config);
            row.put("label", r.label());
            row.put("optimizer", r.optimizer());
            row.put("seed", r.seed());
            row.put("status", views.status(r));
            row.put("final", views.value(r, metric));
            row.put("accuracy", number(r.finalMetrics().getOrDefault("test_accuracy", r.finalMetrics().get("train_accuracy"))));
            row.put("wall_seconds", number(r.finalMetrics().get("wall_seconds")));
            row.put("state_per_parameter", number(r.finalMetrics().get("optimizer_state_per_parameter")));
            row.put("steps", r.steps());
            long hit = target == null ? -1 : stepsTo(r.id(), target);
            row.put("steps_to_target", hit < 0 ? null : hit);
            row.put("time_to_target", hit < 0 ? null : wallAt(r.id(), hit));
            rows.add(row);
            byConfig.computeIfAbsent(config, k -> new ArrayList<>()).add(row);
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        for (List<Map<String, Object>> g : byConfig.values()) {
            groups.add(group(g, metric));
        }
        groups.sort(Comparator.comparing((Map<String, Object> m) -> (Double) m.get("final_mean"),
            Comparator.nullsLast(Comparator.naturalOrder())));
        for (int i = 0; i < groups.size(); i++) {
            groups.get(i).put("rank", i + 1);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("metric", metric);
        out.put("target", target);
        out.put("groups", groups);
        out.put("runs", rows);
        return out;
    }

    private static Map<String, Object> group(List<Map<String, Object>> rows, String metric) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rank", 0);
        m.put("config", rows.get(0).get("label"));
        m.put("optimizer", rows.get(0).get("optimizer"));
        m.put("runs", rows.size());
        m.put("metric", metric);
        double[] finals = values(rows, "final");
        m.put("final_mean", mean(finals));
        m.put("final_std", std(finals));
        m.put("final_best", finals.length == 0 ? null : java.util.Arrays.stream(finals).min().getAsDouble());
        m.put("accuracy_mean", mean(values(rows, "accuracy")));
        m.put("wall_seconds_mean", mean(values(rows, "wall_seconds")));
        m.put("steps_mean", mean(values(rows, "steps")));
        m.put("state_per_parameter", mean(values(rows, "state_per_parameter")));
        double[] hits = values(rows, "steps_to_target");
        m.put("reached", hits.length + "/" + rows.size());
        m.put("steps_to_target_mean", mean(hits));
        m.put("time_to_target_mean", mean(values(rows, "time_to_target")));
        m.put("run_ids", rows.stream().map(r -> r.get("run")).toList());
        return m;
    }

    void csv(Map<String, Object> ranking, Writer w) throws IOException {
        w.write(String.join(",", GROUP_COLUMNS));
        w.write('\n');
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> groups = (List<Map<String, Object>>) ranking.get("groups");
        for (Map<String, Object> g : groups) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < GROUP_COLUMNS.length; i++) {
                if (i > 0) {
                    b.append(',');
                }
                Object v = g.get(GROUP_COLUMNS[i]);
                b.append(v == null ? "" : Exports.csvText(String.valueOf(v)));
            }
            w.write(b.append('\n').toString());
        }
        w.flush();
    }

    /** First step whose loss is at or below {@code target}, or -1: coarse min buckets first, then the raw points of one bucket. */
    long stepsTo(long runId, double target) {
        SeriesData coarse = reader.read(runId, "loss", 0, Long.MAX_VALUE, 4096);
        for (int i = 0; i < coarse.size(); i++) {
            if (coarse.min()[i] <= target) {
                long lo = i == 0 ? 0 : coarse.steps()[i - 1] + 1;
                SeriesData fine = reader.read(runId, "loss", lo, coarse.steps()[i], Integer.MAX_VALUE);
                for (int k = 0; k < fine.size(); k++) {
                    if (fine.last()[k] <= target) {
                        return fine.steps()[k];
                    }
                }
                return coarse.steps()[i];
            }
        }
        return -1;
    }

    private Double wallAt(long runId, long step) {
        SeriesData d = reader.read(runId, SeriesReader.WALL, step, step, 1);
        return d.size() == 0 ? null : d.last()[0];
    }

    private static Double number(Object o) {
        return o instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
    }

    private static double[] values(List<Map<String, Object>> rows, String key) {
        return rows.stream().map(r -> r.get(key)).filter(v -> v instanceof Number)
            .mapToDouble(v -> ((Number) v).doubleValue()).filter(Double::isFinite).toArray();
    }

    private static Double mean(double[] v) {
        return v.length == 0 ? null : java.util.Arrays.stream(v).average().getAsDouble();
    }

    private static Double std(double[] v) {
        if (v.length < 2) {
            return v.length == 0 ? null : 0.0;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
