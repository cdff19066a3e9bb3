package io.adalab.server.http;

import io.adalab.api.Component;
import io.adalab.api.Hyperparameter;
import io.adalab.api.HyperparameterSchema;
import io.adalab.core.plugin.ExtensionKind;
import io.adalab.core.plugin.PluginRegistry;
import io.adalab.core.plugin.Registered;
import io.adalab.core.spec.TrainingConfig;
import io.adalab.core.store.RunStore;
import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.plugin.Plugin;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pf4j.PluginWrapper;

/** {@code /health}, {@code /plugins} (with the hyperparameter schemas forms are built from) and {@code /openapi.json}. */
final class SystemApi extends Plugin<Void> {
    private final WebContext web;

    SystemApi(WebContext web) {
        this.web = web;
    }

    @Override public String name() {
        return "adalab-system";
    }

    @Override public void onInitialize(JavalinState state) {
        RouteTable.Area api = web.routes().area(state.routes, "system");
        api.get("/health", "Liveness and load", ctx -> ctx.json(health(web))).response(200, "{status: ok, ...}");
        api.get("/plugins", "Installed plugins and every extension with its hyperparameter schema", this::plugins)
            .response(200, "{plugins, extensions: {optimizer: [...], ...}, training}");
        api.get("/openapi.json", "This document", this::openApi).response(200, "OpenAPI 3.0");
    }

    /** Figures for {@code /health} and the live {@code health} topic. */
    static Map<String, Object> health(WebContext web) {
        Runtime rt = Runtime.getRuntime();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "ok");
        m.put("version", RunStore.CODE_VERSION);
        m.put("uptime_seconds", Duration.between(web.startedAt(), Instant.now()).toSeconds());
        m.put("workers", web.workbench().scheduler().workers());
        m.put("runs_training", web.workbench().scheduler().running());
        m.put("writer_queue", web.workbench().writer().queueDepth());
        m.put("points_written", web.workbench().writer().pointsWritten());
        m.put("live_clients", web.hub().clientCount());
        m.put("heap_used_mb", (rt.totalMemory() - rt.freeMemory()) >> 20);
        m.put("heap_max_mb", rt.maxMemory() >> 20);
        m.put("token_required", web.options().hasToken() && !web.options().loopbackOnly());
        return m;
    }

    private void plugins(Context ctx) {
        PluginRegistry reg = web.workbench().registry();
        List<Map<String, Object>> plugins = new ArrayList<>();
        for (PluginWrapper w : web.workbench().plugins().plugins()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", w.getPluginId());
            p.put("version", w.getDescriptor().getVersion());
            p.put("provider", w.getDescriptor().getProvider());
            p.put("description", w.getDescriptor().getPluginDescription());
            p.put("state", w.getPluginState().toString());
            p.put("file", w.getPluginPath() == null ? null : w.getPluginPath().getFileName().toString());
            plugins.add(p);
        }
        Map<String, Object> ext = new LinkedHashMap<>();
        for (ExtensionKind k : ExtensionKind.values()) {
            ext.put(k.word(), reg.all(k).stream().map(SystemApi::extension).toList());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("plugins", plugins);
        m.put("extensions", ext);
        m.put("training", schema(TrainingConfig.SCHEMA));
        m.put("problems", reg.problems());
        ctx.json(m);
    }

    private static Map<String, Object> extension(Registered<?> r) {
        Component c = r.extension();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.displayName());
        m.put("description", c.description());
        m.put("plugin", r.pluginId());
        m.put("plugin_version", r.pluginVersion());
        m.put("paper", c.paper().map(p -> {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("authors", p.authors());
            pm.put("year", p.year());
            pm.put("title", p.title());
            pm.put("venue", p.venue());
            pm.put("arxiv", p.arxiv());
            pm.put("citation", p.citation());
            pm.put("url", p.arxiv().isEmpty() ? null : "https://arxiv.org/abs/" + p.arxiv());
            return pm;
        }).orElse(null));
        m.put("hyperparameters", schema(c.schema()));
        return m;
    }

    static List<Map<String, Object>> schema(HyperparameterSchema s) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Hyperparameter h : s.entries()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", h.name());
            m.put("type", h.type().name().toLowerCase(Locale.ROOT));
            m.put("default", h.defaultValue());
            m.put("required", h.required());
            m.put("optional", h.optional());
            m.put("min", Double.isInfinite(h.min()) ? null : h.min());
            m.put("min_inclusive", h.minInclusive());
            m.put("max", Double.isInfinite(h.max()) ? null : h.max());
            m.put("max_inclusive", h.maxInclusive());
            m.put("log_scale", h.logScale());
            m.put("choices", h.choices());
            m.put("allowed", h.allowed());
            m.put("help", h.help());
            out.add(m);
        }
        return out;
    }

    private void openApi(Context ctx) {
        ctx.json(OpenApi.document(web.routes(), RunStore.CODE_VERSION.replace("adalab ", "")));
    }
}
