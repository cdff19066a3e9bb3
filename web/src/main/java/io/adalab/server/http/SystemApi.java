package io.adalab.server.http;

import io.adalab.api.Hyperparameter;
import io.adalab.api.HyperparameterSchema;
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

/** {@code /health} (the health panel, from the meter registry) and {@code /openapi.json}. */
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
        api.get("/openapi.json", "This document", this::openApi).response(200, "OpenAPI 3.0");
    }

    /**
     * Figures for {@code /health} and the live {@code health} topic: the health panel read from the
     * server's Micrometer registry ({@code ServerMetrics.panel()}, the numbers {@code /metrics} shows),
     * plus the older short names the header uses.
     */
    static Map<String, Object> health(WebContext web) {
        Map<String, Object> panel = web.metrics().panel();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "ok");
        m.put("version", RunStore.CODE_VERSION);
        m.put("uptime_seconds", Duration.between(web.startedAt(), Instant.now()).toSeconds());
        m.put("token_required", web.options().hasToken() && !web.options().loopbackOnly());
        m.putAll(panel);
        m.put("workers", whole(panel.get("run_workers")));
        m.put("runs_training", whole(panel.get("runs_running")));
        m.put("writer_queue", whole(panel.get("store_queue_depth")));
        m.put("live_clients", whole(panel.get("websocket_clients")));
        m.put("heap_used_mb", panel.get("heap_used_bytes") instanceof Double d ? (long) (d / (1 << 20)) : null);
        m.put("heap_max_mb", panel.get("heap_max_bytes") instanceof Double d ? (long) (d / (1 << 20)) : null);
        return m;
    }

    private static Long whole(Object v) {
        return v instanceof Double d ? Math.round(d) : null;
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
