package io.adalab.server.metrics;

import io.adalab.core.Workbench;
import io.adalab.core.metrics.HealthSnapshot;
import io.adalab.core.metrics.PlatformMetrics;
import io.adalab.core.metrics.RunMetrics;
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
import java.util.List;

/**
 * The server's one meter registry: JVM and process meters from the start, the platform's run and
 * store meters when a workbench is attached, Jetty and HTTP meters from {@link MetricsPlugin}.
 * {@code /metrics} and the dashboard's health topic ({@link #health()}) both read it.
 */
public final class ServerMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<AutoCloseable> owned = new ArrayList<>();

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
