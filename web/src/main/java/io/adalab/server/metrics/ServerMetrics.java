package io.adalab.server.metrics;

import io.adalab.core.Workbench;
import io.adalab.core.metrics.HealthSnapshot;
import io.adalab.core.metrics.MeterNames;
import io.adalab.core.metrics.PlatformMetrics;
import io.adalab.core.metrics.RunMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The server's one meter registry: JVM and process meters from the start, the platform's run and
 * store meters when a workbench is attached, Jetty and HTTP meters from {@link MetricsPlugin}.
 * {@code /metrics} and the dashboard's health topic ({@link #health()}) both read it.
 */
public final class ServerMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<AutoCloseable> owned = new ArrayList<>();
    private final Map<String, Double> lastSteps = new HashMap<>();
    private long lastStepsAt;
    private double stepsPerSecond;

    /** A registry with the JVM and process meters. */
    public ServerMetrics() {
        JvmGcMetrics gc = new JvmGcMetrics();
        owned.add(gc);
        bind(new JvmMemoryMetrics(), gc, new JvmThreadMetrics(), new ClassLoaderMetrics(), new ProcessorMetrics(),
            new UptimeMetrics(), new FileDescriptorMetrics());
    }

    /** Metrics for a workbench: its own {@link RunMetrics} (labelled at launch) plus platform and JVM meters. */
    public static ServerMetrics forWorkbench(Workbench w) {
        return new ServerMetrics().attach(w, w.metrics());
    }

    /** Binds {@code runs} (already subscribed to {@code w}) and {@code w}'s platform meters. */
    public ServerMetrics attach(Workbench w, RunMetrics runs) {
        return bind(runs, PlatformMetrics.of(w, runs));
    }

    /** Binds more meters (the live hub's client gauge, for example). */
    public ServerMetrics bind(MeterBinder... binders) {
        for (MeterBinder b : binders) {
            b.bindTo(registry);
        }
        return this;
    }

    /** The registry {@code /metrics} serves. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The health panel's numbers, read now; for the {@code health} WebSocket topic. */
    public HealthSnapshot health() {
        return HealthSnapshot.of(registry);
    }

    /** Registers {@code adalab_websocket_clients}, read from {@code clients} (the live hub) at scrape time. */
    public ServerMetrics bindWebSocketClients(IntSupplier clients) {
        PlatformMetrics.bindWebSocketClients(registry, clients);
        return this;
    }

    /**
     * The dashboard's health panel, read from the registry now ({@link #health()}): the panel's
     * figures under short keys, and every meter of the snapshot under its Micrometer name in
     * {@code meters} (so a client can check them against {@code /metrics}). {@code steps_per_second}
     * is the rate of {@code adalab_steps_total} over all runs since the previous call (at least half
     * a second apart; per run, so a run whose series are dropped does not make it negative).
     * Non-finite values are {@code null}.
     */
    public synchronized Map<String, Object> panel() {
        Map<String, Double> v = health().values();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runs_running", finite(v.get(MeterNames.RUNS_RUNNING)));
        m.put("runs_queued", finite(v.get(MeterNames.RUNS_QUEUED)));
        m.put("run_workers", finite(v.get(MeterNames.RUN_WORKERS)));
        m.put("steps_per_second", stepsPerSecond());
        m.put("store_queue_depth", finite(v.get(MeterNames.STORE_QUEUE_DEPTH)));
        m.put("store_write_lag", finite(v.get(MeterNames.STORE_WRITE_LAG)));
        m.put("websocket_clients", finite(v.get(MeterNames.WEBSOCKET_CLIENTS)));
        m.put("plugins_loaded", finite(v.get(MeterNames.PLUGINS_LOADED)));
        m.put("heap_used_bytes", finite(v.get("jvm.memory.used.heap")));
        m.put("heap_max_bytes", finite(v.get("jvm.memory.max.heap")));
        Map<String, Object> meters = new java.util.TreeMap<>();
        v.forEach((k, x) -> meters.put(k, finite(x)));
        m.put("meters", meters);
        return m;
    }

    private static Double finite(Double d) {
        return d == null || !Double.isFinite(d) ? null : d;
    }

    private double stepsPerSecond() {
        long now = System.nanoTime();
        if (lastStepsAt != 0 && now - lastStepsAt < 500_000_000L) {
            return stepsPerSecond;
        }
        Map<String, Double> counts = new HashMap<>();
        for (FunctionCounter c : registry.find(MeterNames.STEPS).functionCounters()) {
            String run = c.getId().getTag(MeterNames.RUN);
            counts.merge(run == null ? "" : run, c.count(), Double::sum);
        }
        double delta = 0;
        for (Map.Entry<String, Double> e : counts.entrySet()) {
            delta += Math.max(0, e.getValue() - lastSteps.getOrDefault(e.getKey(), 0.0));
        }
        if (lastStepsAt != 0) {
            stepsPerSecond = delta / ((now - lastStepsAt) / 1e9);
        }
        lastSteps.clear();
        lastSteps.putAll(counts);
        lastStepsAt = now;
        return stepsPerSecond;
    }

    @Override public void close() {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                // closing meters must not stop the server's shutdown
            }
        }
        registry.close();
    }
}
