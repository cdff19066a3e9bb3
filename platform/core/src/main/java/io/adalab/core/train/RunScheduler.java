package io.adalab.core.train;

import io.adalab.core.events.RunEvent;
import io.adalab.core.events.RunListener;
import io.adalab.core.events.RunStatus;
import io.adalab.core.spec.RunSpec;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs trainers on a bounded pool, one thread per run. The default size keeps
 * runs x OpenMP threads <= cores (STACK.md: oversubscribed OpenMP made a step 15x slower).
 */
public final class RunScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunScheduler.class);
    private final Trainer trainer;
    private final RunListener events;
    private final ExecutorService pool;
    private final int workers;
    private final Map<Long, AtomicBoolean> cancelFlags = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();

    public RunScheduler(Trainer trainer, RunListener events, int workers) {
        this.trainer = trainer;
        this.events = events;
        this.workers = Math.max(1, workers);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(this.workers, r -> {
            Thread t = new Thread(r, "adalab-run-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** cores / OMP_NUM_THREADS (at least 1). */
    public static int defaultWorkers() {
        int cores = Runtime.getRuntime().availableProcessors();
        int omp = 1;
        try {
            String env = System.getenv("OMP_NUM_THREADS");
            if (env != null) {
                omp = Math.max(1, Integer.parseInt(env.trim()));
            }
        } catch (NumberFormatException e) {
            omp = 1;
        }
        return Math.max(1, cores / omp);
    }

    /** Pool size. */
    public int workers() {
        return workers;
    }

    /** Runs currently training. */
    public int running() {
        return running.get();
    }

    /** Queues a stored run; the future completes with its outcome (never exceptionally). */
    public CompletableFuture<RunOutcome> submit(long runId, RunSpec spec) {
        AtomicBoolean cancel = new AtomicBoolean();
        cancelFlags.put(runId, cancel);
        return CompletableFuture.supplyAsync(() -> execute(runId, spec, cancel), pool);
    }

    private RunOutcome execute(long runId, RunSpec spec, AtomicBoolean cancel) {
        try {
            if (cancel.get()) {
                RunOutcome o = new RunOutcome(RunStatus.CANCELLED, "cancelled before it started", Map.of());
                events.onEvent(new RunEvent.Status(runId, o.status(), o.message(), o.finalMetrics()));
                return o;
            }
            running.incrementAndGet();
            events.onEvent(new RunEvent.Status(runId, RunStatus.RUNNING, "", Map.of()));
            LOG.info("run {} started: {} / {} seed {}", runId, spec.experiment(), spec.label(), spec.seed());
            RunOutcome o = trainer.run(spec, runId, events, cancel::get);
            LOG.info("run {} {}{}", runId, o.status(), o.message().isEmpty() ? "" : ": " + o.message());
            events.onEvent(new RunEvent.Status(runId, o.status(), o.message(), o.finalMetrics()));
            return o;
        } finally {
            running.decrementAndGet();
            cancelFlags.remove(runId);
        }
    }

    /** Asks a queued or running run to stop; returns false if it is not known here. */
    public boolean cancel(long runId) {
        AtomicBoolean f = cancelFlags.get(runId);
        if (f == null) {
            return false;
        }
        f.set(true);
        return true;
    }

    /** Cancels everything queued or running. */
    public void cancelAll() {
        cancelFlags.values().forEach(f -> f.set(true));
    }

    @Override public void close() {
        cancelAll();
        pool.shutdown();
        try {
            pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
