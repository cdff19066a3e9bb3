package io.adalab.api;

import java.util.Map;

/**
 * The per-run side of a {@link LearningRateSchedule}. Time {@code t} is 0-based and counts
 * optimizer steps: the value for step {@code k} (1-based) is asked with {@code t = k - 1}, exactly
 * like torch's {@code last_epoch} when {@code scheduler.step()} is called after every optimizer
 * step. (Per-epoch schedules are built from per-step ones by the platform.)
 */
public interface ScheduleRule {

    /** Learning rate for time {@code t}. Called once per step, with increasing {@code t}. */
    double learningRate(long t);

    /**
     * Values of other hyperparameters at time {@code t}, e.g. {@code {"beta1": 0.9}} for one-cycle;
     * empty for schedules that only drive the learning rate.
     */
    default Map<String, Double> driven(long t) {
        return Map.of();
    }

    /**
     * Reports the training loss observed by the step taken at time {@code t} (the loss computed
     * with that step's gradient). Plateau schedules react here; others ignore it.
     */
    default void observe(long t, double loss) {
    }
}
