package io.adalab.core.metrics;

import io.adalab.core.events.RunEvent;
import io.adalab.core.events.RunListener;
import io.adalab.core.events.RunStatus;
import io.adalab.core.spec.RunSpec;
import io.adalab.core.store.RunStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-run meters, fed by run events: gauges of the latest loss, learning rate, gradient norm,
 * update ratio and effective-learning-rate quantiles, a step counter and a step timer, each
 * labelled {@code experiment}, {@code run} and {@code optimizer} (names in {@link MeterNames}); and
 * {@code adalab_runs_total{status}} and {@code adalab_runs_queued} for the platform.
 *
 * <p><b>Labels.</b> Run events carry only the run id. The experiment and optimizer come from
 * {@link #expect(long, RunSpec)}, which the launcher calls for each run it queues, or, for runs it
 * was not told about, from the optional resolver (for example a store lookup), called off the run's
 * thread. A run's meters are registered once its labels and a registry are both known; values it
 * emitted before that are kept, so the gauges and the step counter are right from their first scrape.
 *
 * <p><b>Cardinality.</b> A run's series stay for {@link Config#grace()} after it ends (so the last
 * values are scraped), then they are removed. At most {@link Config#maxRuns()} runs are exported at
 * once; about {@value #SERIES_PER_RUN} series each. When a new run would exceed the cap, the run
 * that ended first is removed early; if every exported run is still training, the new run is not
 * exported and {@code adalab_run_series_dropped_total} counts it.
 *
 * <p>{@link #onEvent} never blocks: it writes volatile fields and, at a run's start and end,
 * registers or schedules the removal of a handful of meters.
 */
public final class RunMetrics implements RunListener, MeterBinder, AutoCloseable {
    /** Series one run exports: 7 gauges, the counter, and the timer's buckets, count, sum and max. */
    public static final int SERIES_PER_RUN = 8 + StepTimer.SERIES;
    private static final Logger LOG = LoggerFactory.getLogger(RunMetrics.class);

    /**
     * Limits.
     *
     * @param maxRuns most runs exported at once (the cap on concurrent label sets)
     * @param grace   how long a finished run's series stay after it ends
     */
    public record Config(int maxRuns, Duration grace) {
        /** 100 runs, five minutes: twenty scrapes at Prometheus's default interval. */
        public static final Config DEFAULTS = new Config(100, Duration.ofMinutes(5));

        public Config {
            if (maxRuns < 1) {
                throw new IllegalArgumentException("maxRuns must be at least 1, was " + maxRuns);
            }
            if (grace == null || grace.isNegative()) {
                throw new IllegalArgumentException("grace must be zero or positive, was " + grace);
            }
        }
    }

    private final Config config;
    private final LongFunction<Optional<RunLabels>> resolver;
    private final ScheduledExecutorService housekeeping;
    private final Map<Long, RunLabels> labels = new ConcurrentHashMap<>();
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();
    private final Set<Long> begun = ConcurrentHashMap.newKeySet();
    private final Map<Long, RunGauges> runs = new ConcurrentHashMap<>();
    private final Map<RunStatus, Counter> ended = new EnumMap<>(RunStatus.class);
    private final AtomicLong stepRecords = new AtomicLong();
    private volatile MeterRegistry registry;
    private volatile Counter dropped;
    private int exported;

    /** With the default limits and no resolver. */
    public RunMetrics() {
        this(Config.DEFAULTS, null);
    }

    /**
     * @param config   limits
     * @param resolver labels of a run nobody announced with {@link #expect}, or null; called on a
     *                 background thread, so it may query the store
     */
    public RunMetrics(Config config, LongFunction<Optional<RunLabels>> resolver) {
        this.config = config;
        this.resolver = resolver;
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "adalab-metrics-housekeeping");
            t.setDaemon(true);
            return t;
        });
    }

    /** A resolver that reads a run's labels from the store (for runs launched without {@link #expect}). */
    public static LongFunction<Optional<RunLabels>> labelsFrom(RunStore store) {
        return id -> store.run(id).map(r -> new RunLabels(r.experiment(), r.optimizer()));
    }

    /** Announces a queued run and its labels; call it before or right after the run is submitted. */
    public void expect(long runId, RunSpec spec) {
        label(runId, RunLabels.of(spec));
    }

    /** Sets a run's labels (see {@link #expect}); registers its meters if it has started. */
    public void label(long runId, RunLabels l) {
        labels.put(runId, l);
        if (!begun.contains(runId)) {
            queued.add(runId);
        }
        RunGauges g = runs.get(runId);
        if (g != null) {
            register(g);
        }
    }

    /**
     * Binds to one registry (bind a composite to export to several). Runs already known get their
     * meters now.
     */
    @Override public synchronized void bindTo(MeterRegistry r) {
        if (registry != null) {
            throw new IllegalStateException("RunMetrics is bound already; bind a CompositeMeterRegistry to export to several");
        }
        for (RunStatus s : RunStatus.values()) {
            if (s.terminal()) {
                ended.put(s, Counter.builder(MeterNames.RUNS).tag(MeterNames.STATUS, s.name().toLowerCase(Locale.ROOT))
                    .description("Runs that ended, by status").register(r));
            }
        }
        Gauge.builder(MeterNames.RUNS_QUEUED, queued, Set::size).strongReference(true).description("Runs launched and not started yet").register(r);
        Gauge.builder(MeterNames.RUN_SERIES_ACTIVE, this, m -> m.exportedRuns()).strongReference(true).description("Runs whose series are exported now").register(r);
        dropped = Counter.builder(MeterNames.RUN_SERIES_DROPPED)
            .description("Runs not exported because " + config.maxRuns() + " runs were exported already").register(r);
        registry = r;
        runs.values().forEach(this::register);
    }

    /** Step records seen so far, over all runs (the store's write lag is measured against it). */
    public long stepRecords() {
        return stepRecords.get();
    }

    /** Runs exported now. */
    public synchronized int exportedRuns() {
        return exported;
    }

    @Override public void onEvent(RunEvent event) {
        if (event instanceof RunEvent.Step s) {
            RunGauges g = runs.get(s.runId());
            if (g != null) {
                g.step(s);
            }
            stepRecords.incrementAndGet();
        } else if (event instanceof RunEvent.Started s) {
            started(s);
        } else if (event instanceof RunEvent.Status s) {
            status(s);
        }
    }

    private void started(RunEvent.Started s) {
        begun.add(s.runId());
        queued.remove(s.runId());
        RunGauges g = new RunGauges(s.runId(), s.series());
        replace(g);
        if (labels.containsKey(s.runId())) {
            register(g);
        } else if (resolver != null) {
            housekeeping.execute(() -> {
                try {
                    resolver.apply(s.runId()).ifPresent(l -> label(s.runId(), l));
                } catch (RuntimeException e) {
                    LOG.warn("no metric labels for run {}: {}", s.runId(), e.toString());
                }
            });
        }
    }

    private void status(RunEvent.Status s) {
        long id = s.runId();
        if (!s.status().terminal()) {
            begun.add(id);
            queued.remove(id);
            return;
        }
        begun.add(id);
        queued.remove(id);
        Counter c = ended.get(s.status());
        if (c != null) {
            c.increment();
        }
        RunGauges g = runs.get(id);
        if (g != null) {
            g.endedAtNanos = System.nanoTime();
        }
        housekeeping.schedule(() -> remove(id, g), config.grace().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A run (re)starts: a resumed run's gauges replace those of its earlier attempt. */
    private synchronized void replace(RunGauges g) {
        RunGauges old = runs.put(g.runId, g);
        if (old != null) {
            unregister(old);
        }
    }

    private synchronized void register(RunGauges g) {
        MeterRegistry r = registry;
        RunLabels l = labels.get(g.runId);
        if (r == null || l == null || g.meters != null || g.dropped || runs.get(g.runId) != g) {
            return;
        }
        if (exported >= config.maxRuns() && !evictOldestEnded()) {
            g.dropped = true;
            dropped.increment();
            LOG.warn("run {} is not exported to metrics: {} runs are exported already (the cap)", g.runId, exported);
            return;
        }
        g.meters = g.register(r, Tags.of(MeterNames.EXPERIMENT, l.experiment(), MeterNames.RUN, Long.toString(g.runId),
            MeterNames.OPTIMIZER, l.optimizer()));
        exported++;
    }

    private boolean evictOldestEnded() {
        Optional<RunGauges> oldest = runs.values().stream()
            .filter(g -> g.meters != null && g.endedAtNanos != 0)
            .min(Comparator.comparingLong(g -> g.endedAtNanos));
        oldest.ifPresent(g -> unregister(g));
        return oldest.isPresent();
    }

    /** Forgets a run whose grace period is over, unless it started again (resumed) meanwhile. */
    private synchronized void remove(long runId, RunGauges ended) {
        if (runs.get(runId) != ended) {
            return;
        }
        RunGauges g = runs.remove(runId);
        if (g != null) {
            unregister(g);
        }
        labels.remove(runId);
        begun.remove(runId);
    }

    private void unregister(RunGauges g) {
        if (g.meters == null) {
            return;
        }
        MeterRegistry r = registry;
        for (Meter m : g.meters) {
            r.remove(m);
        }
        g.meters = null;
        g.dropped = true;
        exported--;
    }

    /** Waits until the housekeeping tasks due now have run (tests). */
    void awaitHousekeeping() throws Exception {
        housekeeping.submit(() -> { }).get();
    }

    /** Stops the housekeeping thread; meters stay in the registry. */
    @Override public void close() {
        housekeeping.shutdownNow();
    }
}
