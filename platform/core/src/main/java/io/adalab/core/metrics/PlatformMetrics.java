package io.adalab.core.metrics;

import io.adalab.core.Workbench;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Platform meters: runs training now and the pool size, the store's queue depth, points written and
 * write lag, and plugins loaded. The numbers are read at scrape time from their owners; nothing is
 * copied.
 *
 * @param running        runs training now
 * @param workers        size of the run pool
 * @param queueDepth     events waiting for the store's writer
 * @param pointsWritten  step records the store has taken
 * @param stepRecords    step records trainers have emitted ({@link RunMetrics#stepRecords()})
 * @param pluginsLoaded  plugin jars loaded
 */
public record PlatformMetrics(IntSupplier running, IntSupplier workers, IntSupplier queueDepth, LongSupplier pointsWritten,
                              LongSupplier stepRecords, IntSupplier pluginsLoaded) implements MeterBinder {

    /** The meters of an open workbench; {@code runs} must be subscribed to it. */
    public static PlatformMetrics of(Workbench w, RunMetrics runs) {
        return new PlatformMetrics(w.scheduler()::running, w.scheduler()::workers, w.writer()::queueDepth,
            w.writer()::pointsWritten, runs::stepRecords, () -> w.plugins().plugins().size());
    }

    @Override public void bindTo(MeterRegistry r) {
        Gauge.builder(MeterNames.RUNS_RUNNING, running, IntSupplier::getAsInt).strongReference(true).description("Runs training now").register(r);
        Gauge.builder(MeterNames.RUN_WORKERS, workers, IntSupplier::getAsInt).strongReference(true).description("Size of the run pool").register(r);
        Gauge.builder(MeterNames.STORE_QUEUE_DEPTH, queueDepth, IntSupplier::getAsInt).strongReference(true)
            .description("Events waiting for the metric writer").register(r);
        // gauges hold their suppliers strongly; a function counter only weakly, so it reads through
        // this record, which the lag gauge holds
        Gauge.builder(MeterNames.STORE_WRITE_LAG, this, PlatformMetrics::writeLag).strongReference(true)
            .description("Step records emitted by trainers and not yet taken by the metric writer").register(r);
        FunctionCounter.builder(MeterNames.STORE_POINTS_WRITTEN, this, m -> m.pointsWritten().getAsLong())
            .description("Step records taken by the metric writer").register(r);
        Gauge.builder(MeterNames.PLUGINS_LOADED, pluginsLoaded, IntSupplier::getAsInt).strongReference(true).description("Plugin jars loaded").register(r);
    }

    private double writeLag() {
        return Math.max(0, stepRecords.getAsLong() - pointsWritten.getAsLong());
    }

    /**
     * Registers {@code adalab_websocket_clients}, read from {@code clients} at scrape time; for the
     * server's live hub.
     */
    public static void bindWebSocketClients(MeterRegistry r, IntSupplier clients) {
        Gauge.builder(MeterNames.WEBSOCKET_CLIENTS, clients, IntSupplier::getAsInt).strongReference(true)
            .description("Open live WebSocket connections").register(r);
    }
}
