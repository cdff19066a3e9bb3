package io.adalab.server.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.adalab.core.analysis.LrRangeAnalysis;
import io.adalab.core.analysis.Report;
import io.adalab.core.analysis.ReportBuilder;
import io.adalab.core.store.RunRecord;
import io.adalab.core.store.RunStore;
import io.adalab.core.store.SeriesData;
import io.adalab.server.report.ReportCsv;
import io.adalab.server.report.ReportHtml;
import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.plugin.Plugin;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Analyses of stored experiments for the dashboard: reports (time to target, best configuration per
 * optimizer, LR sensitivity, performance profile across experiments) as HTML, CSV or JSON; a sweep's
 * points for the parallel-coordinates view and the LR-sensitivity chart; and the reading of an LR
 * range test (smoothed loss against lr, the suggestion, and a comparison spec at the suggested lr).
 */
final class AnalysisApi extends Plugin<Void> {
    /** Range-test smoothing when the stored spec does not say (the planner's default). */
    static final double SMOOTHING = 0.98;
    /** Range-test stop factor when the stored spec does not say (the planner's default). */
    static final double STOP_FACTOR = 4;
    private static final int CURVE_POINTS = 1000;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final WebContext web;
    private final ExperimentQueries experiments;
    private final RunViews views;

    AnalysisApi(WebContext web) {
        this.web = web;
        this.experiments = new ExperimentQueries(web.workbench().store().database());
        this.views = new RunViews(web.hub());
    }

    @Override public String name() {
        return "adalab-analysis";
    }

    @Override public void onInitialize(JavalinState state) {
        RouteTable.Area api = web.routes().area(state.routes, "analysis");
        api.get("/experiments/{id}/report", "Report: time to target, best configuration per optimizer, LR sensitivity", this::report)
            .path("id", "experiment id").query("format", "string", "html (default: a self-contained page with its charts), csv or json")
            .query("tolerance", "number", "target = best + tolerance x (initial - best) loss (default 0.1)")
            .query("metric", "string", "final metric to rank by (default test_loss, or final_loss for problems)")
            .query("download", "boolean", "send as an attachment")
            .produces("text/html, text/csv, application/json").response(200, "the report").response(400, "bad parameter")
            .response(404, "no such experiment").response(409, "the experiment has no runs");
        api.get("/reports", "One report across several experiments (problems), with the performance profile", this::reports)
            .query("experiments", "string", "comma-separated experiment ids (required)")
            .query("format", "string", "html (default), csv or json").query("tolerance", "number", "as for one experiment")
            .query("metric", "string", "as for one experiment").query("download", "boolean", "send as an attachment")
            .produces("text/html, text/csv, application/json").response(200, "the report").response(400, "bad parameter")
            .response(404, "no such experiment").response(409, "an experiment has no runs");
        api.get("/experiments/{id}/sweep", "The points of a sweep with their final metric, and LR sensitivity per optimizer", this::sweep)
            .path("id", "experiment id")
            .response(200, "{metric, parameters, runs: [{id, optimizer, seed, status, point, lr, value}], sensitivity}")
            .response(404, "no such experiment");
        api.get("/experiments/{id}/range-test", "An LR range test read: smoothed loss against lr and the suggested lr", this::rangeTest)
            .path("id", "experiment id")
            .response(200, "{settings, configs: [{label, optimizer, suggested_lr, min_loss_lr_over_10, curves}], comparison}")
            .response(404, "no such experiment").response(409, "not an LR range test");
    }

    /** {@code lr_range} (an LR range test), {@code sweep} (runs with sweep points) or {@code comparison}. */
    static String kind(List<RunRecord> runs) {
        if (runs.stream().anyMatch(AnalysisApi::isRangeTest)) {
            return "lr_range";
        }
        if (runs.stream().anyMatch(r -> r.spec().get("sweep_point") instanceof Map<?, ?> p && !p.isEmpty())) {
            return "sweep";
        }
        return "comparison";
    }

    private static boolean isRangeTest(RunRecord r) {
        return r.spec().get("schedule") instanceof Map<?, ?> s && "lr_range".equals(s.get("id"));
    }

    private ExperimentQueries.Row row(long id) {
        return experiments.get(id).orElseThrow(() -> ApiError.notFound("experiment " + id));
    }

    private List<RunRecord> runsOf(long id) {
        return web.workbench().store().runs(new RunStore.RunFilter(id, null, null, null, null)).stream()
            .sorted(Comparator.comparingInt(RunRecord::index)).toList();
    }

    // ---- reports ------------------------------------------------------------------------------

    private void report(Context ctx) {
        long id = Params.id(ctx);
        ExperimentQueries.Row e = row(id);
        render(ctx, List.of(id), "report-" + id, e.name());
    }

    private void reports(Context ctx) {
        String raw = ctx.queryParam("experiments");
        if (raw == null || raw.isBlank()) {
            throw ApiError.badRequest("experiments", "'experiments' is required: comma-separated experiment ids, e.g. 3,4");
        }
        List<Long> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String s : raw.split(",")) {
            if (s.isBlank()) {
                continue;
            }
            long id;
            try {
                id = Long.parseLong(s.trim());
            } catch (NumberFormatException ex) {
                throw ApiError.badRequest("experiments", "'" + s.trim() + "' is not an experiment id");
            }
            if (!ids.contains(id)) {
                ids.add(id);
                names.add(row(id).name());
            }
        }
        if (ids.isEmpty() || ids.size() > 50) {
            throw ApiError.badRequest("experiments", "name between 1 and 50 experiments");
        }
        render(ctx, ids, "report-" + String.join("-", ids.stream().map(String::valueOf).toList()), String.join(", ", names));
    }

    private void render(Context ctx, List<Long> ids, String file, String title) {
        String format = ctx.queryParam("format") == null || ctx.queryParam("format").isBlank() ? "html"
            : ctx.queryParam("format").toLowerCase(Locale.ROOT);
        if (!format.equals("html") && !format.equals("csv") && !format.equals("json")) {
            throw ApiError.badRequest("format", "'format' is '" + format + "', must be html, csv or json");
        }
        Double tol = Params.optDouble(ctx, "tolerance");
        double tolerance = tol == null ? 0.1 : tol;
        if (!(tolerance > 0 && tolerance < 1)) {
            throw ApiError.badRequest("tolerance", "'tolerance' is " + tolerance + ", must be in (0, 1)");
        }
        String metric = ctx.queryParam("metric");
        web.workbench().writer().flush();
        Report r;
        try {
            r = new ReportBuilder(web.workbench().store(), web.workbench().series())
                .build(ids, metric == null || metric.isBlank() ? null : metric.trim(), tolerance);
        } catch (IllegalArgumentException e) {
            throw ApiError.conflict(e.getMessage());
        }
        if ("true".equals(ctx.queryParam("download"))) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + file + "." + format + "\"");
        }
        switch (format) {
            case "csv" -> ctx.contentType("text/csv; charset=utf-8").result(ReportCsv.render(r));
            case "json" -> ctx.json(r);
            default -> ctx.contentType("text/html; charset=utf-8").result(ReportHtml.render(r, title));
        }
    }

    // ---- sweeps -------------------------------------------------------------------------------

    private void sweep(Context ctx) {
        long id = Params.id(ctx);
        row(id);
        List<RunRecord> runs = runsOf(id);
        String metric = RunViews.primaryMetric(runs);
        LinkedHashSet<String> params = new LinkedHashSet<>();
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, TreeMap<Double, List<Double>>> byOptimizer = new TreeMap<>();
        for (RunRecord r : runs) {
            Map<String, Object> point = new LinkedHashMap<>();
            if (r.spec().get("sweep_point") instanceof Map<?, ?> p) {
                p.forEach((k, v) -> point.put(String.valueOf(k), v));
            }
            params.addAll(point.keySet());
            double lr = r.hyperparameters().get("lr") instanceof Number n ? n.doubleValue() : Double.NaN;
            Double value = views.value(r, metric);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("label", r.label());
            m.put("optimizer", r.optimizer());
            m.put("seed", r.seed());
            m.put("config_index", r.spec().get("config_index"));
            m.put("status", views.status(r));
            m.put("point", point);
            m.put("lr", Double.isFinite(lr) ? lr : null);
            m.put("value", value);
            out.add(m);
            if (Double.isFinite(lr) && lr > 0 && value != null) {
                byOptimizer.computeIfAbsent(r.optimizer(), k -> new TreeMap<>()).computeIfAbsent(lr, k -> new ArrayList<>()).add(value);
            }
        }
        Map<String, List<Map<String, Object>>> sensitivity = new LinkedHashMap<>();
        byOptimizer.forEach((opt, points) -> {
            List<Map<String, Object>> l = new ArrayList<>();
            points.forEach((lr, vs) -> {
                double mean = vs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                double sd = vs.size() < 2 ? 0 : Math.sqrt(vs.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (vs.size() - 1));
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("lr", lr);
                p.put("mean", mean);
                p.put("std", sd);
                p.put("min", vs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN));
                p.put("max", vs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
                p.put("n", vs.size());
                l.add(p);
            });
            sensitivity.put(opt, l);
        });
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("experiment", id);
        m.put("kind", kind(runs));
        m.put("metric", metric);
        m.put("parameters", List.copyOf(params));
        m.put("runs", out);
        m.put("sensitivity", sensitivity);
        ctx.json(m);
    }

    // ---- LR range test ------------------------------------------------------------------------

    private void rangeTest(Context ctx) {
        long id = Params.id(ctx);
        ExperimentQueries.Row e = row(id);
        List<RunRecord> runs = runsOf(id).stream().filter(AnalysisApi::isRangeTest).toList();
        if (runs.isEmpty()) {
            throw ApiError.conflict("experiment " + id + " is not an LR range test (no run uses the lr_range schedule)");
        }
        Map<String, Object> source = parse(e.source());
        Map<String, Object> settings = settings(source);
        double smoothing = ((Number) settings.get("smoothing")).doubleValue();
        double stopFactor = ((Number) settings.get("stop_factor")).doubleValue();
        if (runs.stream().anyMatch(r -> web.hub().active(r.id()))) {
            web.workbench().writer().flush();
        }
        Map<Integer, List<RunRecord>> byConfig = new TreeMap<>();
        for (RunRecord r : runs) {
            int c = r.spec().get("config_index") instanceof Number n ? n.intValue() : r.index();
            byConfig.computeIfAbsent(c, k -> new ArrayList<>()).add(r);
        }
        List<Map<String, Object>> configs = new ArrayList<>();
        Map<Integer, Double> suggestions = new LinkedHashMap<>();
        for (Map.Entry<Integer, List<RunRecord>> g : byConfig.entrySet()) {
            RunRecord first = g.getValue().get(0);
            List<Map<String, Object>> curves = new ArrayList<>();
            List<Double> steepest = new ArrayList<>();
            List<Double> overTen = new ArrayList<>();
            String problem = null;
            for (RunRecord r : g.getValue()) {
                SeriesData lr = web.workbench().series().readAll(r.id(), "lr");
                SeriesData loss = web.workbench().series().readAll(r.id(), "loss");
                try {
                    LrRangeAnalysis.Result a = LrRangeAnalysis.analyse(lr.last(), loss.last(), smoothing, stopFactor);
                    steepest.add(a.steepest());
                    overTen.add(a.minLossOverTen());
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("run", r.id());
                    c.put("seed", r.seed());
                    int stride = Math.max(1, (a.lr().length + CURVE_POINTS - 1) / CURVE_POINTS);
                    c.put("lr", thin(a.lr(), stride));
                    c.put("smoothed", thin(a.smoothed(), stride));
                    c.put("steepest", a.steepest());
                    c.put("min_loss_lr", a.minLossLr());
                    curves.add(c);
                } catch (IllegalArgumentException ex) {
                    problem = ex.getMessage();
                }
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("config_index", g.getKey());
            c.put("label", first.label());
            c.put("optimizer", first.optimizer());
            c.put("runs", g.getValue().stream().map(RunRecord::id).toList());
            c.put("status", g.getValue().stream().map(views::status).toList());
            Double suggestion = steepest.isEmpty() ? null : median(steepest);
            c.put("suggested_lr", suggestion);
            c.put("min_loss_lr_over_10", overTen.isEmpty() ? null : median(overTen));
            c.put("error", curves.isEmpty() ? problem : null);
            c.put("curves", curves);
            configs.add(c);
            if (suggestion != null) {
                suggestions.put(g.getKey(), suggestion);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("experiment", id);
        m.put("settings", settings);
        m.put("configs", configs);
        m.put("comparison", source.isEmpty() || suggestions.isEmpty() ? null : comparison(e, source, suggestions));
        ctx.json(m);
    }

    private static Map<String, Object> parse(String source) {
        if (source == null || source.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            Map<String, Object> m = YAML.readValue(source, new TypeReference<LinkedHashMap<String, Object>>() { });
            return m == null ? new LinkedHashMap<>() : m;
        } catch (IOException e) {
            return new LinkedHashMap<>();
        }
    }

    /** The range test's plan settings from the stored spec source, defaults where it does not say. */
    private static Map<String, Object> settings(Map<String, Object> source) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("smoothing", SMOOTHING);
        s.put("stop_factor", STOP_FACTOR);
        if (source.get("lr_range_test") instanceof Map<?, ?> t) {
            for (String k : List.of("min_lr", "max_lr", "steps", "smoothing", "stop_factor")) {
                if (t.get(k) instanceof Number n) {
                    s.put(k, n);
                }
            }
        }
        return s;
    }

    /**
     * The comparison the range test suggests: the same spec without {@code lr_range_test}, each
     * compared optimizer at its suggested learning rate, 3 seeds, evaluated (a problem without a step
     * count trains for the range test's steps).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> comparison(ExperimentQueries.Row e, Map<String, Object> source, Map<Integer, Double> lrs) {
        Map<String, Object> s = new LinkedHashMap<>(source);
        s.remove("lr_range_test");
        s.put("name", e.name() + "-at-suggested-lr");
        s.put("description", "Comparison at the learning rates suggested by LR range test #" + e.id());
        s.remove("seed");
        s.put("seeds", List.of(1, 2, 3));
        Map<String, Object> training = s.get("training") instanceof Map<?, ?> t
            ? new LinkedHashMap<>((Map<String, Object>) t) : new LinkedHashMap<>();
        if (Boolean.FALSE.equals(training.get("evaluate"))) {
            training.remove("evaluate");
        }
        if (s.containsKey("problem") && !training.containsKey("steps") && !training.containsKey("epochs")) {
            // a problem needs a step count; the range test's is the one the user chose for it
            Object steps = source.get("lr_range_test") instanceof Map<?, ?> r ? r.get("steps") : null;
            training.put("steps", steps instanceof Number n ? n : 100);
        }
        if (!training.isEmpty()) {
            s.put("training", training);
        }
        if (s.get("compare") instanceof List<?> compare) {
            List<Object> entries = new ArrayList<>();
            for (int i = 0; i < compare.size(); i++) {
                Object o = compare.get(i);
                if (o instanceof Map<?, ?> entry) {
                    Map<String, Object> c = new LinkedHashMap<>((Map<String, Object>) entry);
                    Double lr = lrs.get(i);
                    if (lr != null) {
                        c.put("lr", Double.parseDouble(String.format(Locale.ROOT, "%.3g", lr)));
                    }
                    entries.add(c);
                } else {
                    entries.add(o);
                }
            }
            s.put("compare", entries);
        }
        return s;
    }

    private static double[] thin(double[] v, int stride) {
        if (stride <= 1) {
            return v;
        }
        double[] out = new double[(v.length + stride - 1) / stride];
        for (int i = 0; i < out.length; i++) {
            out[i] = v[Math.min(v.length - 1, i * stride)];
        }
        return out;
    }

    /** The median; the geometric mean of the middle two for an even count (learning rates are log-scale). */
    private static double median(List<Double> v) {
        double[] s = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : Math.sqrt(s[s.length / 2 - 1] * s[s.length / 2]);
    }
}
