package io.adalab.server.http;

import io.adalab.core.Workbench;
import io.adalab.core.spec.ExperimentPlan;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a submitted spec into a running experiment with the CLI's validation
 * ({@code ExperimentPlanner}).
 */
final class Launcher {
    private final WebContext web;

    Launcher(WebContext web) {
        this.web = web;
    }

    /** Whether the body is JSON (true) or YAML (false), from its content type; 415 otherwise. */
    static boolean isJson(Context ctx) {
        String ct = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        String base = ct.contains(";") ? ct.substring(0, ct.indexOf(';')).trim() : ct.trim();
        if (base.equals("application/json")) {
            return true;
        }
        if (base.equals("application/yaml") || base.equals("application/x-yaml") || base.equals("text/yaml")
            || base.equals("text/x-yaml") || base.equals("text/plain")) {
            return false;
        }
        throw new ApiError(415, "unsupported_media_type", "send the experiment as application/yaml or application/json"
            + (base.isEmpty() ? "" : ", not " + base), null);
    }

    /** Plans without launching: the dry run behind the launch form's validation. */
    Map<String, Object> validate(String text, boolean json) {
        ExperimentPlan plan = web.workbench().planner().plan(text, json);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("valid", true);
        m.put("name", plan.name());
        m.put("runs", plan.runs().stream().map(r -> Map.of("label", r.label(), "seed", r.seed(),
            "optimizer", r.optimizer().id())).toList());
        return m;
    }

    /** Plans, stores and queues; returns {@code {id, name, runs}}. */
    Map<String, Object> launch(String text, boolean json) {
        Workbench wb = web.workbench();
        ExperimentPlan plan = wb.planner().plan(text, json);
        Workbench.Launched l = wb.launch(plan);
        web.hub().expect(l.experimentId(), l.runIds());
        web.hub().announce("experiments", "experiment", Map.of("event", "created", "experiment", l.experimentId(),
            "name", plan.name()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.experimentId());
        m.put("name", plan.name());
        m.put("runs", List.copyOf(l.runIds()));
        return m;
    }
}
