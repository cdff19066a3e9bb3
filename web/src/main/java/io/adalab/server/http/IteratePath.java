package io.adalab.server.http;

import io.adalab.core.store.SeriesData;
import io.adalab.core.store.SeriesReader;
import io.adalab.core.train.Trainer;
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
        // the trainer writes both at the same steps, so equal counts give equal buckets
        if (!java.util.Arrays.equals(xs.steps(), ys.steps())) {
            throw new IllegalStateException("run " + runId + ": " + Trainer.ITERATE_X + " and " + Trainer.ITERATE_Y
                + " are stored at different steps");
        }
        return Optional.of(new IteratePath(xs.steps(), xs.last(), ys.last()));
    }
}
