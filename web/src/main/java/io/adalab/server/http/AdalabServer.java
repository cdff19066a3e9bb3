package io.adalab.server.http;

import io.adalab.core.Workbench;
import io.adalab.server.live.LiveHub;
import io.adalab.server.live.LivePlugin;
import io.adalab.server.metrics.MetricsPlugin;
import io.adalab.server.metrics.ServerMetrics;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.javalin.plugin.Plugin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Adalab web server: REST under {@code /api/v1}, the live WebSocket {@code /api/v1/live} and
 * the dashboard, on top of an open {@link Workbench}. Closing the server leaves the workbench open.
 *
 * <pre>{@code
 * try (AdalabServer s = AdalabServer.start(workbench, ServerOptions.loopback(7070, Path.of("experiments")))) {
 *     System.out.println("Adalab at " + s.url());
 *     ...
 * }
 * }</pre>
 */
public final class AdalabServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdalabServer.class);
    private final Javalin app;
    private final LiveHub hub;
    private final ServerMetrics metrics;
    private final List<AutoCloseable> subscriptions;
    private final String host;

    private AdalabServer(Javalin app, LiveHub hub, ServerMetrics metrics, List<AutoCloseable> subscriptions, String host) {
        this.app = app;
        this.hub = hub;
        this.metrics = metrics;
        this.subscriptions = subscriptions;
        this.host = host;
    }

    /**
     * Starts serving; returns once the port is bound.
     *
     * @throws IllegalArgumentException for a non-loopback {@code bind} without a token
     */
    public static AdalabServer start(Workbench workbench, ServerOptions options) {
        SecurityPlugin.check(options);
        List<AutoCloseable> subs = new ArrayList<>();
        WebContext[] web = new WebContext[1];
        // one registry for /metrics and the live health topic (issue 5: Micrometer is the single source)
        ServerMetrics metrics = ServerMetrics.forWorkbench(workbench);
        LiveHub hub = new LiveHub(run -> workbench.store().run(run).map(r -> r.experimentId()).orElse(-1L),
            () -> SystemApi.health(web[0]));
        metrics.bindWebSocketClients(hub::clientCount);
        web[0] = new WebContext(workbench, options, hub, new Catalog(options.experimentsDir()), new RouteTable(),
            Instant.now(), metrics);
        subs.add(workbench.subscribe(hub));
        subs.add(workbench.plugins().subscribe(e -> hub.announce(PluginApi.TOPIC, "plugin", PluginApi.event(e))));
        Javalin app = Javalin.create(cfg -> {
            cfg.jsonMapper(new JavalinJackson(WebJson.MAPPER, false));
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = options.maxBodyBytes();
            cfg.jetty.host = options.bind();
            cfg.jetty.port = options.port();
            for (Plugin<?> p : webAreas(web[0])) {
                cfg.registerPlugin(p);
            }
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            closeAll(subs);
            hub.close();
            metrics.close();
            throw e;
        }
        AdalabServer s = new AdalabServer(app, hub, metrics, subs, options.bind());
        LOG.info("Adalab serving at {}", s.url());
        return s;
    }

    /**
     * The web areas, each a Javalin plugin. This is the one place where areas are registered
     * (STYLE.md habit 6): add a new area (e.g. Prometheus {@code /metrics}) to this list.
     */
    static List<Plugin<?>> webAreas(WebContext web) {
        return List.of(
            new ErrorsPlugin(),
            new SecurityPlugin(web.options()),
            new SystemApi(web),
            new PluginApi(web),
            new ExperimentApi(web),
            new AnalysisApi(web),
            new RunApi(web),
            new LivePlugin(web.hub()),
            new MetricsPlugin(web.metrics()),
            new DashboardPlugin());
    }

    /** The bound port (the real one when started with port 0). */
    public int port() {
        return app.port();
    }

    /** Where the dashboard is, e.g. {@code http://127.0.0.1:7070/}. */
    public String url() {
        String h = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        if (h.contains(":") && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        return "http://" + h + ":" + port() + "/";
    }

    /** The live hub (tests, benchmarks). */
    public LiveHub hub() {
        return hub;
    }

    /** The meter registry behind {@code /metrics} and the live {@code health} topic. */
    public ServerMetrics metrics() {
        return metrics;
    }

    @Override public void close() {
        closeAll(subscriptions);
        hub.close();
        app.stop();
        metrics.close();
    }

    private static void closeAll(List<AutoCloseable> l) {
        for (AutoCloseable c : l) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("closing {}: {}", c, e.toString());
            }
        }
    }
}
