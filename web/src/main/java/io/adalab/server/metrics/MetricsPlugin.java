package io.adalab.server.metrics;

import io.adalab.core.Workbench;
import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.plugin.Plugin;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Server;

/**
 * {@code GET /metrics}: the registry of a {@link ServerMetrics} in the Prometheus text format, or in
 * OpenMetrics when the {@code Accept} header asks for {@code application/openmetrics-text}. Also
 * times every HTTP request ({@code http_server_requests_seconds}, tagged with the route template,
 * never the raw path, see {@link HttpMetrics}) and binds Jetty's thread pool and connection meters.
 *
 * <p>Register it with {@code cfg.registerPlugin(new MetricsPlugin(serverMetrics))}, or
 * {@code MetricsPlugin.forWorkbench(workbench)} for metrics of its own.
 */
public final class MetricsPlugin extends Plugin<MetricsPlugin.Config> {
    /** Prometheus text format 0.0.4. */
    public static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
    /** OpenMetrics 1.0.0. */
    public static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    /** What to serve and where. */
    public static final class Config {
        /** The registry to serve; required. */
        public ServerMetrics metrics;
        /** The endpoint's path. */
        public String path = "/metrics";
        /** Close {@link #metrics} when the server stops (it was made for this server). */
        public boolean closeOnStop;
    }

    public MetricsPlugin(Consumer<Config> userConfig) {
        super(userConfig, new Config());
    }

    /** Serves {@code metrics} on {@code /metrics}. */
    public MetricsPlugin(ServerMetrics metrics) {
        this(c -> c.metrics = metrics);
    }

    /**
     * Metrics for a server on {@code w}: a {@link ServerMetrics#forWorkbench} of its own, closed
     * when the server stops.
     */
    public static MetricsPlugin forWorkbench(Workbench w) {
        return new MetricsPlugin(c -> {
            c.metrics = ServerMetrics.forWorkbench(w);
            c.closeOnStop = true;
        });
    }

    /** The metrics it serves (for the health topic). */
    public ServerMetrics metrics() {
        return pluginConfig.metrics;
    }

    @Override public void onInitialize(JavalinState state) {
        ServerMetrics metrics = pluginConfig.metrics;
        if (metrics == null) {
            throw new IllegalStateException("MetricsPlugin needs Config.metrics");
        }
        PrometheusMeterRegistry registry = metrics.registry();
        state.routes.get(pluginConfig.path, ctx -> scrape(ctx, registry));
        state.requestLogger.http(new HttpMetrics(registry)::record);
        AtomicReference<Server> server = new AtomicReference<>();
        state.jetty.modifyServer(server::set);
        state.events.serverStarted(() -> {
            Server s = server.get();
            if (s != null) {
                new JettyServerThreadPoolMetrics(s.getThreadPool(), Tags.empty()).bindTo(registry);
                JettyConnectionMetrics.addToAllConnectors(s, registry);
            }
        });
        if (pluginConfig.closeOnStop) {
            state.events.serverStopped(metrics::close);
        }
    }

    private static void scrape(Context ctx, PrometheusMeterRegistry registry) {
        String accept = ctx.header("Accept");
        String type = accept != null && accept.contains("application/openmetrics-text") ? OPENMETRICS : TEXT;
        ctx.contentType(type).result(registry.scrape(type).getBytes(StandardCharsets.UTF_8));
    }

    @Override public String name() {
        return "adalab-metrics";
    }
}
