package io.adalab.server.http;

import io.adalab.core.events.RunStatus;
import io.adalab.core.ResumeException;
import io.adalab.core.Workbench;
import io.adalab.core.store.RunRecord;
import io.adalab.core.store.RunStore;
import io.adalab.core.store.SeriesData;
import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.plugin.Plugin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code /runs}: list with filters, details, cancel, downsampled series, 2-D path, export. */
final class RunApi extends Plugin<Void> {
    private final WebContext web;
    private final RunViews views;

    RunApi(WebContext web) {
        this.web = web;
        this.views = new RunViews(web.hub());
    }

    @Override public String name() {
        return "adalab-runs";
    }

    @Override public void onInitialize(JavalinState state) {
        RouteTable.Area api = web.routes().area(state.routes, "runs");
        api.get("/runs", "List runs, newest experiment first", this::list)
            .query("experiment", "integer", "only runs of this experiment")
            .query("status", "string", "QUEUED, RUNNING, FINISHED, DIVERGED, FAILED, CANCELLED or INTERRUPTED")
            .query("optimizer", "string", "optimizer id").query("limit", "integer", "at most this many (default 1000)")
            .response(200, "run summaries").response(400, "bad filter");
        api.get("/runs/{id}", "A run: provenance, status, progress, final and per-epoch metrics", this::get)
            .path("id", "run id").response(200, "the run").response(404, "no such run");
        api.post("/runs/{id}/cancel", "Cancel a queued or running run", this::cancel)
            .path("id", "run id").token().response(202, "{cancelled: true|false}").response(404, "no such run");
        api.post("/runs/{id}/resume", "Continue a cancelled, failed or interrupted run from its latest checkpoint", this::resume)
            .path("id", "run id").token().response(202, "{run, from_step} (from_step 0: no checkpoint, it starts over)")
            .response(404, "no such run").response(409, "finished, still running, or its plan or optimizer plugin changed");
        api.get("/runs/{id}/series", "One series, downsampled on the server to min/max/last buckets", this::series)
            .path("id", "run id").query("name", "string", "series name, e.g. loss, lr, grad_norm, wall_time (required)")
            .query("from", "integer", "first step (inclusive)").query("to", "integer", "last step (inclusive)")
            .query("points", "integer", "at most this many buckets (default 2000, max 100000)")
            .query("smooth", "number", "EMA weight in [0, 1) applied to every raw point before bucketing; "
                + "the answer's ema {value, count} lets a live client continue it")
            .response(200, "{run, name, level, raw, steps, min, max, last}").response(400, "bad parameter")
            .response(404, "no such run");
        api.get("/runs/{id}/path", "The iterates of a 2-D problem run", this::path)
            .path("id", "run id").query("points", "integer", "at most this many (default 5000)")
            .response(200, "{run, steps, x, y}").response(404, "no such run or not a recorded 2-D run");
        api.get("/runs/{id}/export", "Every point of a run", this::export)
            .path("id", "run id").query("format", "string", "csv or json (default)")
            .produces("text/csv, application/json").response(200, "the export").response(404, "no such run");
    }

    private RunRecord run(long id) {
        return web.workbench().store().run(id).orElseThrow(() -> ApiError.notFound("run " + id));
    }

    private void list(Context ctx) {
        String status = ctx.queryParam("status");
        RunStatus st = null;
        if (status != null && !status.isBlank()) {
            try {
                st = RunStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("status", "unknown status '" + status + "'; one of "
                    + java.util.Arrays.toString(RunStatus.values()));
            }
        }
        String opt = ctx.queryParam("optimizer");
        int limit = Params.intParam(ctx, "limit", 1000, 1, 100_000);
        RunStore.RunFilter f = new RunStore.RunFilter(Params.optLong(ctx, "experiment"), null, st,
            opt == null || opt.isBlank() ? null : opt, limit);
        ctx.json(web.workbench().store().runs(f).stream().map(views::summary).toList());
    }

    private void get(Context ctx) {
        RunRecord r = run(Params.id(ctx));
        Map<String, Object> m = new LinkedHashMap<>(r.details());
        m.putAll(views.summary(r));
        m.put("epochs", web.workbench().store().epochMetrics(r.id()));
        ctx.json(m);
    }

    private void cancel(Context ctx) {
        RunRecord r = run(Params.id(ctx));
        ctx.status(202).json(Map.of("cancelled", web.workbench().scheduler().cancel(r.id())));
    }

    private void resume(Context ctx) {
        long id = Params.id(ctx);
        RunRecord r = run(id);
        Workbench.Resumed resumed;
        try {
            resumed = web.workbench().resume(id);
        } catch (ResumeException e) {
            throw e.missing() ? ApiError.notFound("run " + id) : ApiError.conflict(e.getMessage());
        } catch (IllegalStateException e) {
            throw ApiError.conflict(e.getMessage());
        }
        web.hub().expect(r.experimentId(), List.of(id));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", id);
        m.put("from_step", resumed.fromStep());
        ctx.status(202).json(m);
    }

    private void series(Context ctx) {
        long id = Params.id(ctx);
        String name = ctx.queryParam("name");
        if (name == null || name.isBlank()) {
            throw ApiError.badRequest("name", "'name' is required: a series such as loss, lr or grad_norm");
        }
        Long from = Params.optLong(ctx, "from");
        Long to = Params.optLong(ctx, "to");
        int points = Params.intParam(ctx, "points", 2000, 1, 100_000);
        if (from != null && to != null && from > to) {
            throw ApiError.badRequest("from", "'from' (" + from + ") is after 'to' (" + to + ")");
        }
        RunRecord r = run(id);
        if (web.hub().active(id)) {
            // Everything emitted before this request is then in the store: a client that subscribed
            // before asking continues live without a gap (web/README.md, "Reconnecting").
            web.workbench().writer().flush();
        }
        Double smooth = Params.optDouble(ctx, "smooth");
        if (smooth != null && (smooth < 0 || smooth >= 1)) {
            throw ApiError.badRequest("smooth", "'smooth' is " + smooth + ", must be in [0, 1)");
        }
        long lo = from == null ? Long.MIN_VALUE : from;
        long hi = to == null ? Long.MAX_VALUE : to;
        Map<String, Object> m = new LinkedHashMap<>();
        SeriesData d;
        if (smooth != null && smooth > 0) {
            Smoothing.Result s = Smoothing.smooth(web.workbench().series().read(r.id(), name, Long.MIN_VALUE, hi,
                Integer.MAX_VALUE), smooth, lo, hi, points);
            d = s.data();
            m.put("ema", Map.of("value", s.biasedEma(), "count", s.count(), "weight", smooth));
        } else {
            d = web.workbench().series().read(r.id(), name, lo, hi, points);
        }
        m.put("run", id);
        m.put("name", name);
        m.put("level", d.level());
        m.put("raw", d.raw());
        m.put("steps", d.steps());
        m.put("min", d.min());
        m.put("max", d.max());
        m.put("last", d.last());
        ctx.json(m);
    }

    private void path(Context ctx) {
        long id = Params.id(ctx);
        run(id);
        int points = Params.intParam(ctx, "points", 5000, 2, 1_000_000);
        if (web.hub().active(id)) {
            web.workbench().writer().flush();
        }
        IteratePath p = IteratePath.read(web.workbench().series(), id, points)
            .orElseThrow(() -> ApiError.notFound("a recorded 2-D path of run " + id));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", id);
        m.put("steps", p.steps());
        m.put("x", p.x());
        m.put("y", p.y());
        ctx.json(m);
    }

    private void export(Context ctx) throws Exception {
        RunRecord r = run(Params.id(ctx));
        String format = Params.format(ctx);
        web.workbench().writer().flush();
        Exports x = new Exports(web.workbench().store(), web.workbench().series());
        ctx.header("Content-Disposition", "attachment; filename=\"run-" + r.id() + "." + format + "\"");
        if (format.equals("csv")) {
            ctx.contentType("text/csv; charset=utf-8");
            x.csv(List.of(r), Exports.writer(ctx.outputStream()));
        } else {
            ctx.contentType("application/json");
            x.json(null, List.of(r), WebJson.MAPPER.getFactory().createGenerator(ctx.outputStream()));
        }
    }
}
