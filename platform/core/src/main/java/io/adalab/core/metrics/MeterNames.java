package io.adalab.core.metrics;

/**
 * Micrometer names of Adalab's meters and, in the comments, the names Prometheus shows. Micrometer's
 * Prometheus naming turns dots into underscores and adds {@code _total} to counters and the base
 * unit ({@code _seconds}) to timers.
 */
public final class MeterNames {
    /** Label: experiment name. */
    public static final String EXPERIMENT = "experiment";
    /** Label: run id. */
    public static final String RUN = "run";
    /** Label: optimizer id. */
    public static final String OPTIMIZER = "optimizer";
    /** Label of {@link #RUN_EFFECTIVE_LR}: 0.1, 0.5 or 0.9. */
    public static final String QUANTILE = "quantile";
    /** Label of {@link #RUNS}: the terminal status, lower case. */
    public static final String STATUS = "status";

    /** {@code adalab_run_loss}: the loss of the latest reported step. */
    public static final String RUN_LOSS = "adalab.run.loss";
    /** {@code adalab_run_learning_rate}: the scheduled learning rate of the latest step. */
    public static final String RUN_LR = "adalab.run.learning.rate";
    /** {@code adalab_run_effective_learning_rate{quantile}}: |Δθᵢ| / |gᵢ| over sampled coordinates, latest sample. */
    public static final String RUN_EFFECTIVE_LR = "adalab.run.effective.learning.rate";
    /** {@code adalab_run_gradient_norm}: L2 norm of the gradient, latest step. */
    public static final String RUN_GRAD_NORM = "adalab.run.gradient.norm";
    /** {@code adalab_run_update_ratio}: ‖Δθ‖ / ‖θ‖, latest step. */
    public static final String RUN_UPDATE_RATIO = "adalab.run.update.ratio";
    /** {@code adalab_steps_total}: optimizer steps taken by the run. */
    public static final String STEPS = "adalab.steps";
    /** {@code adalab_step_seconds} (histogram): wall time of one optimizer step. */
    public static final String STEP_TIME = "adalab.step";

    /** {@code adalab_runs_total{status}}: runs that ended, by terminal status. */
    public static final String RUNS = "adalab.runs";
    /** {@code adalab_runs_queued}: runs launched and not started yet. */
    public static final String RUNS_QUEUED = "adalab.runs.queued";
    /** {@code adalab_runs_running}: runs training now. */
    public static final String RUNS_RUNNING = "adalab.runs.running";
    /** {@code adalab_run_workers}: size of the run pool. */
    public static final String RUN_WORKERS = "adalab.run.workers";
    /** {@code adalab_run_series_dropped_total}: runs not exported because the label-set cap was reached. */
    public static final String RUN_SERIES_DROPPED = "adalab.run.series.dropped";
    /** {@code adalab_run_series_active}: runs whose series are exported now (running or in their grace period). */
    public static final String RUN_SERIES_ACTIVE = "adalab.run.series.active";
    /** {@code adalab_store_queue_depth}: events waiting for the metric writer. */
    public static final String STORE_QUEUE_DEPTH = "adalab.store.queue.depth";
    /** {@code adalab_store_points_written_total}: step records buffered for the store. */
    public static final String STORE_POINTS_WRITTEN = "adalab.store.points.written";
    /** {@code adalab_store_write_lag_steps}: step records emitted by trainers and not yet taken by the store. */
    public static final String STORE_WRITE_LAG = "adalab.store.write.lag.steps";
    /** {@code adalab_plugins_loaded}: plugin jars started. */
    public static final String PLUGINS_LOADED = "adalab.plugins.loaded";
    /** {@code adalab_websocket_clients}: open live WebSocket connections (registered by the server). */
    public static final String WEBSOCKET_CLIENTS = "adalab.websocket.clients";

    private MeterNames() {
    }
}
