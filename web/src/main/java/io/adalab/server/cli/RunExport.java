package io.adalab.server.cli;

import io.adalab.core.Workbench;
import io.adalab.core.store.Json;
import io.adalab.core.store.RunRecord;
import io.adalab.core.store.SeriesData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A run's stored data as CSV (wide: one row per step, one column per series) or JSON. */
public final class RunExport {
    private RunExport() {
    }

    /** CSV with a header row {@code step,<series...>}; a cell is empty where a sampled series has no value. */
    public static String csv(Workbench wb, RunRecord r) {
        List<String> names = wb.series().names(r.id());
        TreeMap<Long, double[]> rows = new TreeMap<>();
        for (int c = 0; c < names.size(); c++) {
            SeriesData d = wb.series().readAll(r.id(), names.get(c));
            for (int i = 0; i < d.size(); i++) {
                final int col = c;
                rows.computeIfAbsent(d.steps()[i], k -> nans(names.size()))[col] = d.last()[i];
            }
        }
        StringBuilder s = new StringBuilder("step");
        names.forEach(n -> s.append(',').append(n));
        s.append('\n');
        rows.forEach((step, v) -> {
            s.append(step);
            for (double x : v) {
                s.append(',');
                if (!Double.isNaN(x)) {
                    s.append(x);
                }
            }
            s.append('\n');
        });
        return s.toString();
    }

    /** JSON: the run's details, per-epoch metrics, and every series as {steps, values}. */
    public static String json(Workbench wb, RunRecord r) {
        Map<String, Object> m = r.details();
        m.put("epochs", wb.store().epochMetrics(r.id()));
        Map<String, Object> series = new LinkedHashMap<>();
        for (String n : wb.series().names(r.id())) {
            SeriesData d = wb.series().readAll(r.id(), n);
            series.put(n, Map.of("steps", d.steps(), "values", d.last()));
        }
        m.put("step_series", series);
        return Json.write(m) + "\n";
    }

    private static double[] nans(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }
}
