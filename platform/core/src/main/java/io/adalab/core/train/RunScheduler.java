package io.adalab.core.train;

import io.adalab.core.events.RunEvent;
import io.adalab.core.events.RunListener;
import io.adalab.core.events.RunStatus;
import io.adalab.core.spec.RunSpec;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs trainers on a bounded pool, one thread per run. The default size keeps
 * runs x OpenMP threads <= cores (STACK.md: oversubscribed OpenMP made a step 15x slower).
 *
 * <p>A {@link StepWatchdog} guards every run: when a plugin call of one step exceeds the run's
 * {@code training.step_timeout_seconds}, the run ends FAILED (timeout) at once, its thread is
 * interrupted, and, since a thread that ignores the interrupt cannot be stopped, the pool grows by
 * one so the other runs keep their full capacity. If the abandoned thread ever returns, the pool
 * shrinks back and anything it would still report about the run is dropped.
 */
public final class RunScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunScheduler.class);
    private final Trainer trainer;
    private final RunListener events;
    private final ThreadPoolExecutor pool;
    private final int workers;
    private final StepWatchdog watchdog = new StepWatchdog();
    private final Map<Long, AtomicBoolean> cancelFlags = new ConcurrentHashMap<>();
    private final Map<Long, String> stopReasons = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger abandoned = new AtomicInteger();

    public RunScheduler(Trainer trainer, RunListener events, int workers) {
        this.trainer = trainer;
        this.events = events;
        this.workers = Math.max(1, workers);
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(this.workers, this.workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
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

    /** Threads the watchdog gave up on that are still stuck in plugin code. */
    public int abandonedThreads() {
        return abandoned.get();
    }

    /** Queues a stored run; the future completes with its outcome (never exceptionally). */
    public CompletableFuture<RunOutcome> submit(long runId, RunSpec spec) {
        return submit(runId, spec, null);
    }

    /**
     * Queues a stored run behind {@code gate} (null: no limit besides the pool), which bounds how
     * many runs of one experiment train at once ({@code sweep.max_parallel}).
     */
    public CompletableFuture<RunOutcome> submit(long runId, RunSpec spec, Gate gate) {
        return submit(runId, spec, gate, null, false);
    }

    /**
     * Queues a stored run that stopped before its end to continue from {@code checkpoint} (a
     * serialized training state), or from its beginning again when that is null.
     */
    public CompletableFuture<RunOutcome> resume(long runId, RunSpec spec, byte[] checkpoint) {
        if (cancelFlags.containsKey(runId)) {
            throw new IllegalStateException("run " + runId + " is already queued or running");
        }
        return submit(runId, spec, null, checkpoint, true);
    }

    private CompletableFuture<RunOutcome> submit(long runId, RunSpec spec, Gate gate, byte[] checkpoint, boolean resume) {
        AtomicBoolean cancel = new AtomicBoolean();
        cancelFlags.put(runId, cancel);
        CompletableFuture<RunOutcome> result = new CompletableFuture<>();
        Runnable task = () -> execute(runId, spec, cancel, result, checkpoint, resume);
        if (gate == null) {
            pool.execute(task);
        } else {
            gate.offer(task, result);
        }
        return result;
    }

    /** A limit on concurrent runs shared by the runs submitted with it. */
    public Gate gate(int limit) {
        return new Gate(limit);
    }

    /** See {@link #gate(int)}. */
    public final class Gate {
        private final int limit;
        private int active;
        private final java.util.ArrayDeque<Runnable> waiting = new java.util.ArrayDeque<>();

        private Gate(int limit) {
            this.limit = Math.max(1, limit);
        }

        private synchronized void offer(Runnable task, CompletableFuture<RunOutcome> done) {
            done.whenComplete((o, e) -> release());
            if (active < limit) {
                active++;
                pool.execute(task);
            } else {
                waiting.add(task);
            }
        }

        private synchronized void release() {
            Runnable next = waiting.poll();
            if (next == null) {
                active--;
            } else {
                pool.execute(next);
            }
        }
    }

    /**
     * Ends a queued or running run early on purpose (early stopping): it stops at its next step and
     * ends FINISHED with {@code reason} as its message. Returns false if the run is not known here.
     */
    public boolean stop(long runId, String reason) {
        AtomicBoolean f = cancelFlags.get(runId);
        if (f == null) {
            return false;
        }
        stopReasons.put(runId, reason);
        f.set(true);
        return true;
    }

    /** One run's end: published once, by the run thread or by the watchdog, whichever comes first. */
    private final class Ending {
        final long runId;
        final CompletableFuture<RunOutcome> result;
        final AtomicBoolean ended = new AtomicBoolean();
        final AtomicBoolean counted = new AtomicBoolean();

        Ending(long runId, CompletableFuture<RunOutcome> result) {
            this.runId = runId;
            this.result = result;
        }

        void started() {
            counted.set(true);
            running.incrementAndGet();
        }

        boolean finish(RunOutcome outcome) {
            if (!ended.compareAndSet(false, true)) {
                return false;
            }
            String stopped = stopReasons.remove(runId);
            RunOutcome o = stopped != null && outcome.status() == RunStatus.CANCELLED
                ? new RunOutcome(RunStatus.FINISHED, stopped, outcome.finalMetrics()) : outcome;
            if (counted.compareAndSet(true, false)) {
                running.decrementAndGet();
            }
            cancelFlags.remove(runId);
            LOG.info("run {} {}{}", runId, o.status(), o.message().isEmpty() ? "" : ": " + o.message());
            events.onEvent(new RunEvent.Status(runId, o.status(), o.message(), o.finalMetrics()));
            result.complete(o);
            return true;
        }

        void forward(RunEvent e) {
            if (!ended.get()) {
                events.onEvent(e);
            }
        }
    }

    private void execute(long runId, RunSpec spec, AtomicBoolean cancel, CompletableFuture<RunOutcome> result,
                         byte[] checkpoint, boolean resume) {
        Ending end = new Ending(runId, result);
        AtomicBoolean gaveUp = new AtomicBoolean();
        StepWatchdog.Guard guard = null;
        try {
            if (cancel.get()) {
                end.finish(new RunOutcome(RunStatus.CANCELLED, "cancelled before it started", Map.of()));
                return;
            }
            end.started();
            events.onEvent(new RunEvent.Status(runId, RunStatus.RUNNING, "", Map.of()));
            LOG.info("run {} started: {} / {} seed {}", runId, spec.experiment(), spec.label(), spec.seed());
            guard = watchdog.watch(Thread.currentThread(), spec.training().stepTimeoutSeconds(), message -> {
                if (end.finish(new RunOutcome(RunStatus.FAILED, message, Map.of()))) {
                    gaveUp.set(true);
                    grow();
                }
            });
            RunOutcome o = trainer.run(spec, runId, end::forward, cancel::get, guard,
                checkpoint == null ? null : TrainingState.fromBytes(checkpoint), resume);
            end.finish(o);
        } catch (RuntimeException | Error e) {
            end.finish(new RunOutcome(RunStatus.FAILED, "internal error: " + e, Map.of()));
            if (e instanceof VirtualMachineError vme && !(e instanceof OutOfMemoryError)) {
                throw vme;
            }
        } finally {
            if (guard != null) {
                guard.close();
            }
            if (gaveUp.get()) {
                LOG.info("run {}: the thread abandoned by the step watchdog returned", runId);
                shrink();
            }
            Thread.interrupted(); // the watchdog's interrupt must not leak into the next run on this thread
        }
    }

    /** Adds a thread for the one stuck in plugin code (max before core: core may not exceed max). */
    private synchronized void grow() {
        abandoned.incrementAndGet();
        pool.setMaximumPoolSize(pool.getMaximumPoolSize() + 1);
        pool.setCorePoolSize(pool.getCorePoolSize() + 1);
    }

    private synchronized void shrink() {
        abandoned.decrementAndGet();
        pool.setCorePoolSize(pool.getCorePoolSize() - 1);
        pool.setMaximumPoolSize(pool.getMaximumPoolSize() - 1);
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
            // Wait for the runs, not for threads the watchdog abandoned (they may never return).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!pool.awaitTermination(50, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
                if (pool.getQueue().isEmpty() && pool.getActiveCount() <= abandoned.get()) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            watchdog.close();
        }
    }
}
