package io.adalab.server.http;

import io.adalab.core.store.SeriesData;
import io.adalab.core.store.SeriesReader;
import io.adalab.core.train.Trainer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The optimizer's path on a 2-D problem, read back from the run's {@link Trainer#ITERATE_X} and
 * {@link Trainer#ITERATE_Y} series: every point when it fits in {@code points}, otherwise the last
 * iterate of each bucket (a point the optimizer really visited, never an average).
 *
 * @param steps the step that evaluated each point
 * @param x     first coordinates
 * @param y     second coordinates
 */
record IteratePath(long[] steps, double[] x, double[] y) {
    /** The path of a run, or empty if it has none (not a 2-D problem, or nothing stored yet). */
    static Optional<IteratePath> read(SeriesReader series, long runId, int points) {
        SeriesData xs = series.read(runId, Trainer.ITERATE_X, Long.MIN_VALUE, Long.MAX_VALUE, points);
        SeriesData ys = series.read(runId, Trainer.ITERATE_Y, Long.MIN_VALUE, Long.MAX_VALUE, points);
        if (xs.steps().length == 0 || ys.steps().length == 0) {
            return Optional.empty();
        }
        if (java.util.Arrays.equals(xs.steps(), ys.steps())) {
            return Optional.of(new IteratePath(xs.steps(), xs.last(), ys.last()));
        }
        // both series are written at the same steps; pair by step should the buckets ever differ
        Map<Long, Double> yAt = new HashMap<>();
        for (int i = 0; i < ys.steps().length; i++) {
            yAt.put(ys.steps()[i], ys.last()[i]);
        }
        int n = 0;
        long[] steps = new long[xs.steps().length];
        double[] x = new double[steps.length];
        double[] y = new double[steps.length];
        for (int i = 0; i < xs.steps().length; i++) {
            Double v = yAt.get(xs.steps()[i]);
            if (v != null) {
                steps[n] = xs.steps()[i];
                x[n] = xs.last()[i];
                y[n++] = v;
            }
        }
        return Optional.of(new IteratePath(java.util.Arrays.copyOf(steps, n), java.util.Arrays.copyOf(x, n),
            java.util.Arrays.copyOf(y, n)));
    }
}
