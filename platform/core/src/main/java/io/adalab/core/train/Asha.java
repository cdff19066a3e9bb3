package io.adalab.core.train;

import io.adalab.core.events.RunEvent;
import io.adalab.core.events.RunListener;
import io.adalab.core.events.RunStatus;
import io.adalab.core.spec.EarlyStopping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Asynchronous successive halving (Li et al. 2020, "A System for Massively Parallel
 * Hyperparameter Tuning", arXiv 1810.05934) over the runs of one experiment. Rungs sit at epoch
 * counts {@code min_epochs * reduction_factor^k}. When a run completes a rung's epoch, its metric
 * joins that rung; the run continues only if it is among the best {@code max(1, n / η)} of the
 * {@code n} values the rung holds, else it is stopped (ending FINISHED, with the reason). A run
 * that diverges joins every rung as the worst value. Decisions use only what has arrived, so
 * early finishers are judged against fewer peers: the asynchronous trade-off of ASHA.
 */
public final class Asha implements RunListener {
    private final EarlyStopping config;
    private final Set<Long> runs;
    private final RunScheduler scheduler;
    private final Map<Integer, List<Double>> rungs = new HashMap<>();
    private final List<Long> stopped = new ArrayList<>();

    public Asha(EarlyStopping config, Set<Long> runs, RunScheduler scheduler) {
        this.config = config;
        this.runs = Set.copyOf(runs);
        this.scheduler = scheduler;
    }

    /** Runs stopped so far. */
    public synchronized List<Long> stopped() {
        return List.copyOf(stopped);
    }

    @Override public void onEvent(RunEvent event) {
        if (!runs.contains(event.runId())) {
            return;
        }
        if (event instanceof RunEvent.Epoch e) {
            epoch(e);
        } else if (event instanceof RunEvent.Status s && s.status() == RunStatus.DIVERGED) {
            synchronized (this) {
                // diverged runs count as the worst at every rung (they can never be promoted)
                for (int k = 0; k < 32; k++) {
                    rungs.computeIfAbsent(k, x -> new ArrayList<>()).add(Double.POSITIVE_INFINITY);
                }
            }
        }
    }

    private void epoch(RunEvent.Epoch e) {
        int completed = e.epoch() + 1;
        int rung = rungOf(completed);
        if (rung < 0) {
            return;
        }
        Double raw = e.metrics().get(config.metric());
        double v = raw == null || raw.isNaN() ? Double.POSITIVE_INFINITY : config.minimize() ? raw : -raw;
        String reason = null;
        synchronized (this) {
            List<Double> values = rungs.computeIfAbsent(rung, x -> new ArrayList<>());
            values.add(v);
            int keep = Math.max(1, values.size() / config.reductionFactor());
            long better = values.stream().filter(x -> x < v).count();
            if (better >= keep) {
                stopped.add(e.runId());
                reason = String.format(Locale.ROOT, "stopped early by ASHA after epoch %d: %s %.4g is not in the best %d of %d",
                    completed, config.metric(), raw == null ? Double.NaN : raw, keep, values.size());
            }
        }
        if (reason != null) {
            scheduler.stop(e.runId(), reason);
        }
    }

    /** The rung index whose epoch count is {@code completed}, or -1. */
    int rungOf(int completed) {
        long r = config.minEpochs();
        for (int k = 0; r <= completed && k < 32; k++) {
            if (r == completed) {
                return k;
            }
            r *= config.reductionFactor();
        }
        return -1;
    }
}
