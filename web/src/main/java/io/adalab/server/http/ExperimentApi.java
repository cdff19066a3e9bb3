package io.adalab.server.http;

import io.adalab.core.events.RunStatus;
import io.adalab.core.store.RunRecord;
import io.adalab.core.store.RunStore;
import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.plugin.Plugin;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code /experiments} and {@code /catalog}: launch, list, inspect, cancel, delete, export, rank. */
final class ExperimentApi extends Plugin<Void> {
    private static final String YAML_OR_JSON = "application/yaml";
    private final WebContext web;
    private final Launcher launcher;
    private final ExperimentQueries experiments;
    private final RunViews views;

    ExperimentApi(WebContext web) {
        this.web = web;
        this.launcher = new Launcher(web);
        this.experiments = new ExperimentQueries(web.workbench().store().database());
        this.views = new RunViews(web.hub());
    }

    @Override public String name() {
        return "adalab-experiments";
    }

    @Override public void onInitialize(JavalinState state) {
        RouteTable.Area api = web.routes().area(state.routes, "experiments");
        api.get("/experiments", "List experiments with status, progress and best run so far", this::list)
            .response(200, "experiments, newest first");
        api.post("/experiments", "Validate and launch an experiment", this::create)
            .body(YAML_OR_JSON, "application/json").token()
            .query("dry_run", "boolean", "only validate; nothing is stored or run")
            .response(201, "launched: {id, name, runs}").response(200, "dry run: {valid, name, runs}")
            .response(400, "invalid spec: field and line name the problem").response(413, "body too large")
            .response(415, "not YAML or JSON");
        api.get("/experiments/{id}", "An experiment with its spec and runs", this::get)
            .path("id", "experiment id").response(200, "the experiment").response(404, "no such experiment");
        api.post("/experiments/{id}/cancel", "Cancel every queued or running run", this::cancel)
            .path("id", "experiment id").token().response(202, "{cancelled: n}").response(404, "no such experiment");
        api.delete("/experiments/{id}", "Delete an experiment with its runs and series", this::delete)
            .path("id", "experiment id").token().response(204, "deleted").response(404, "no such experiment")
            .response(409, "runs still queued or running: cancel first");
        api.get("/experiments/{id}/export", "All runs of an experiment, every point", this::export)
            .path("id", "experiment id").query("format", "string", "csv or json (default)")
            .produces("text/csv, application/json").response(200, "the export").response(404, "no such experiment");
        api.get("/experiments/{id}/ranking", "Configurations ranked by final loss, with time and steps to a target", this::ranking)
            .path("id", "experiment id").query("target", "number", "loss target for steps/time-to-target")
            .query("format", "string", "csv or json (default)").produces("application/json, text/csv")
            .response(200, "{metric, groups, runs}").response(404, "no such experiment");
        api.get("/experiments/{id}/contour", "The 2-D objective on a grid, for the contour plot", this::contour)
            .path("id", "experiment id").query("n", "integer", "grid size per axis (default 80)")
            .query("xmin", "number", "box; default: around the optimizer paths").query("xmax", "number", "")
            .query("ymin", "number", "").query("ymax", "number", "")
            .response(200, "{x, y, z (row-major, y outer), start, minimum_value}")
            .response(409, "not a 2-D problem").response(404, "no such experiment");
        api.get("/catalog", "The ready-made experiments shipped in experiments/", ctx -> ctx.json(web.catalog().entries()))
            .response(200, "[{name, file, title, description, source}]");
        api.post("/catalog/{name}/launch", "Launch a ready-made experiment", this::launchCatalog)
            .path("name", "file name without .yaml").token().response(201, "launched: {id, name, runs}")
            .response(404, "no such ready-made experiment");
    }

    private ExperimentQueries.Row row(long id) {
        return experiments.get(id).orElseThrow(() -> ApiError.notFound("experiment " + id));
    }

    private List<RunRecord> runsOf(long id) {
        return web.workbench().store().runs(new RunStore.RunFilter(id, null, null, null, null));
    }

    private void list(Context ctx) {
        Map<Long, List<RunRecord>> byExp = web.workbench().store().runs(RunStore.RunFilter.all()).stream()
            .collect(Collectors.groupingBy(RunRecord::experimentId));
        List<Map<String, Object>> out = new ArrayList<>();
        for (ExperimentQueries.Row e : experiments.list()) {
            out.add(views.experiment(e, byExp.getOrDefault(e.id(), List.of())));
        }
        ctx.json(out);
    }

    private void create(Context ctx) {
        boolean json = Launcher.isJson(ctx);
        String body = ctx.body();
        if ("true".equals(ctx.queryParam("dry_run"))) {
            ctx.json(launcher.validate(body, json));
            return;
        }
        ctx.status(201).json(launcher.launch(body, json));
    }

    private void launchCatalog(Context ctx) {
        String name = ctx.pathParam("name");
        Catalog.Entry e = web.catalog().find(name).orElseThrow(() -> ApiError.notFound("ready-made experiment '" + name + "'"));
        ctx.status(201).json(launcher.launch(e.source(), false));
    }

    private void get(Context ctx) {
        long id = Params.id(ctx);
        ExperimentQueries.Row e = row(id);
        List<RunRecord> runs = runsOf(id);
        Map<String, Object> m = views.experiment(e, runs);
        m.put("source", e.source());
        m.put("run_list", runs.stream().sorted(Comparator.comparingInt(RunRecord::index)).map(views::summary).toList());
        m.put("problem_2d", isProblem(runs) && runs.stream().anyMatch(r -> r.series() == null
            || r.series().contains(io.adalab.core.train.Trainer.ITERATE_X)));
        m.put("kind", AnalysisApi.kind(runs));
        ctx.json(m);
    }

    private static boolean isProblem(List<RunRecord> runs) {
        return !runs.isEmpty() && runs.get(0).spec().get("problem") instanceof Map<?, ?>;
    }

    private void cancel(Context ctx) {
        long id = Params.id(ctx);
        row(id);
        int n = 0;
        for (RunRecord r : runsOf(id)) {
            if (!RunStatus.valueOf(views.status(r)).terminal() && web.workbench().scheduler().cancel(r.id())) {
                n++;
            }
        }
        ctx.status(202).json(Map.of("cancelled", n));
    }

    private void delete(Context ctx) {
        long id = Params.id(ctx);
        row(id);
        List<RunRecord> runs = runsOf(id);
        for (RunRecord r : runs) {
            if (!RunStatus.valueOf(views.status(r)).terminal() || web.hub().active(r.id())) {
                throw ApiError.conflict("run " + r.id() + " is still " + views.status(r).toLowerCase(java.util.Locale.ROOT)
                    + ": cancel the experiment first");
            }
        }
        experiments.delete(id);
        web.hub().announce("experiments", "experiment", Map.of("event", "deleted", "experiment", id));
        ctx.status(204);
    }

    private void export(Context ctx) throws Exception {
        long id = Params.id(ctx);
        String format = Params.format(ctx);
        ExperimentQueries.Row e = row(id);
        web.workbench().writer().flush();
        List<RunRecord> runs = runsOf(id).stream().sorted(Comparator.comparingInt(RunRecord::index)).toList();
        Exports x = new Exports(web.workbench().store(), web.workbench().series());
        String file = "experiment-" + id + "." + format;
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        if (format.equals("csv")) {
            ctx.contentType("text/csv; charset=utf-8");
            x.csv(runs, Exports.writer(ctx.outputStream()));
        } else {
            ctx.contentType("application/json");
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("id", e.id());
            header.put("name", e.name());
            header.put("description", e.description());
            header.put("created_at", e.createdAt() == null ? null : e.createdAt().toString());
            header.put("code_version", e.codeVersion());
            header.put("source", e.source());
            x.json(header, runs, WebJson.MAPPER.getFactory().createGenerator(ctx.outputStream()));
        }
    }

    private void ranking(Context ctx) throws Exception {
        long id = Params.id(ctx);
        row(id);
        Double target = Params.optDouble(ctx, "target");
        String format = Params.format(ctx);
        Ranking r = new Ranking(web.workbench().series(), views);
        Map<String, Object> table = r.rank(runsOf(id), target);
        if (format.equals("csv")) {
            ctx.header("Content-Disposition", "attachment; filename=\"ranking-" + id + ".csv\"");
            ctx.contentType("text/csv; charset=utf-8");
            Writer w = Exports.writer(ctx.outputStream());
            r.csv(table, w);
        } else {
            ctx.json(table);
        }
    }

    private void contour(Context ctx) {
        long id = Params.id(ctx);
        row(id);
        List<RunRecord> runs = runsOf(id);
        if (runs.isEmpty()) {
            throw ApiError.conflict("experiment " + id + " has no runs");
        }
        int n = Params.intParam(ctx, "n", 80, 8, 400);
        var f = Contour.function(web.workbench().registry(), runs.get(0));
        double[] box = Contour.box(Params.optDouble(ctx, "xmin"), Params.optDouble(ctx, "xmax"),
            Params.optDouble(ctx, "ymin"), Params.optDouble(ctx, "ymax"));
        if (box == null) {
            List<IteratePath> paths = new ArrayList<>();
            runs.forEach(r -> IteratePath.read(web.workbench().series(), r.id(), 2000).ifPresent(paths::add));
            box = Contour.box(f, paths);
        }
        ctx.json(Contour.grid(f, box, n));
    }
}
