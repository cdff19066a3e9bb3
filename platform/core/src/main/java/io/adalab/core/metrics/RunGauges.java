package io.adalab.core.metrics;

import io.adalab.core.events.RunEvent;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The latest values of one run, written by the run's thread and read by scrapes. A series that is
 * NaN in a step ("not computed at this step") keeps its previous value.
 */
final class RunGauges {
    static final int LOSS = 0;
    static final int LR = 1;
    static final int GRAD_NORM = 2;
    static final int UPDATE_RATIO = 3;
    static final int EFF_P10 = 4;
    static final int EFF_P50 = 5;
    static final int EFF_P90 = 6;
    /** Step series read, at the indices above. */
    static final List<String> SERIES = List.of("loss", "lr", "grad_norm", "update_ratio", "eff_lr_p10", "eff_lr_p50", "eff_lr_p90");
    /** Timer records per step event at most, when telemetry is reported every few steps. */
    private static final long MAX_RECORDS_PER_EVENT = 10_000;

    final long runId;
    private final int[] index = new int[SERIES.size()];
    private final AtomicLongArray latest = new AtomicLongArray(SERIES.size());
    private volatile long steps;
    private static final int PENDING = 1024;
    private volatile Timer timer;
    private long[] pendingNanos;
    private long[] pendingTimes;
    private int pending;
    private long lastStep;
    private double lastWall;

    // guarded by RunMetrics' lock
    List<Meter> meters;
    boolean dropped;
    volatile long endedAtNanos;

    RunGauges(long runId, List<String> series) {
        this.runId = runId;
        for (int i = 0; i < index.length; i++) {
            index[i] = series.indexOf(SERIES.get(i));
            latest.set(i, Double.doubleToRawLongBits(Double.NaN));
        }
    }

    /** On the run's thread. */
    void step(RunEvent.Step s) {
        double[] v = s.values();
        for (int i = 0; i < index.length; i++) {
            int k = index[i];
            if (k >= 0 && k < v.length && !Double.isNaN(v[k])) {
                latest.set(i, Double.doubleToRawLongBits(v[k]));
            }
        }
        long covered = s.step() - lastStep;
        double seconds = s.wallSeconds() - lastWall;
        if (covered > 0 && seconds >= 0) {
            // telemetry may come every few steps: each step it covers took the mean time
            long nanos = (long) (seconds * 1e9 / covered);
            long times = Math.min(covered, MAX_RECORDS_PER_EVENT);
            Timer t = timer;
            if (t != null || (t = holdUntilRegistered(nanos, times)) != null) {
                record(t, nanos, times);
            }
        }
        lastStep = s.step();
        lastWall = s.wallSeconds();
        steps = s.step();
    }

    /** Before the labels are known, keeps up to {@value #PENDING} step times to replay into the timer. */
    private synchronized Timer holdUntilRegistered(long nanos, long times) {
        if (timer != null) {
            return timer;
        }
        if (pendingNanos == null) {
            pendingNanos = new long[PENDING];
            pendingTimes = new long[PENDING];
        }
        if (pending < PENDING) {
            pendingNanos[pending] = nanos;
            pendingTimes[pending] = times;
            pending++;
        }
        return null;
    }

    private synchronized void startTimer(Timer t) {
        for (int i = 0; i < pending; i++) {
            record(t, pendingNanos[i], pendingTimes[i]);
        }
        pending = 0;
        pendingNanos = null;
        pendingTimes = null;
        timer = t;
    }

    private static void record(Timer t, long nanos, long times) {
        for (long i = times; i > 0; i--) {
            t.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    double value(int i) {
        return Double.longBitsToDouble(latest.get(i));
    }

    long steps() {
        return steps;
    }

    /** Registers this run's meters with {@code tags}; returns them for removal. */
    List<Meter> register(MeterRegistry r, Tags tags) {
        Timer t = StepTimer.register(r, tags);
        List<Meter> out = List.of(
            gauge(r, MeterNames.RUN_LOSS, "Loss of the latest step", tags, LOSS),
            gauge(r, MeterNames.RUN_LR, "Scheduled learning rate of the latest step", tags, LR),
            gauge(r, MeterNames.RUN_GRAD_NORM, "L2 norm of the latest gradient", tags, GRAD_NORM),
            gauge(r, MeterNames.RUN_UPDATE_RATIO, "Norm of the latest update over the parameter norm", tags, UPDATE_RATIO),
            gauge(r, MeterNames.RUN_EFFECTIVE_LR, "Effective learning rate |update|/|gradient|, quantile over sampled coordinates",
                tags.and(MeterNames.QUANTILE, "0.1"), EFF_P10),
            gauge(r, MeterNames.RUN_EFFECTIVE_LR, "Effective learning rate |update|/|gradient|, quantile over sampled coordinates",
                tags.and(MeterNames.QUANTILE, "0.5"), EFF_P50),
            gauge(r, MeterNames.RUN_EFFECTIVE_LR, "Effective learning rate |update|/|gradient|, quantile over sampled coordinates",
                tags.and(MeterNames.QUANTILE, "0.9"), EFF_P90),
            FunctionCounter.builder(MeterNames.STEPS, this, g -> g.steps()).tags(tags)
                .description("Optimizer steps taken").register(r),
            t);
        startTimer(t);
        return out;
    }

    private Gauge gauge(MeterRegistry r, String name, String help, Tags tags, int i) {
        return Gauge.builder(name, this, g -> g.value(i)).tags(tags).description(help).strongReference(true).register(r);
    }
}
