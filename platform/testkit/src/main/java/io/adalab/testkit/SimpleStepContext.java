package io.adalab.testkit;

import io.adalab.api.StepContext;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A mutable {@link StepContext} for tests, the compatibility kit and reference replays: set the
 * step, learning rate, loss and scheduled values, then pass it to {@code UpdateRule.step}.
 *
 * <p>{@link #random()} is derived from the seed and the step number only, so a run restored from a
 * checkpoint at step {@code k} draws the same numbers as the uninterrupted run. Not thread-safe.
 */
public final class SimpleStepContext implements StepContext {
    private final long seed;
    private long step;
    private int epoch;
    private double learningRate;
    private double loss = Double.NaN;
    private Map<String, Double> scheduled = Map.of();
    private RandomGenerator random;
    private long randomStep = -1;

    /** A context before step 1 with the given learning rate and seed. */
    public SimpleStepContext(double learningRate, long seed) {
        this.learningRate = learningRate;
        this.seed = seed;
    }

    /** Advances to the next step (the first call makes it step 1). */
    public SimpleStepContext next() {
        step++;
        return this;
    }

    /** Sets the 1-based step number. */
    public SimpleStepContext withStep(long value) {
        step = value;
        return this;
    }

    /** Sets the 0-based epoch. */
    public SimpleStepContext withEpoch(int value) {
        epoch = value;
        return this;
    }

    /** Sets the learning rate of this step. */
    public SimpleStepContext withLearningRate(double value) {
        learningRate = value;
        return this;
    }

    /** Sets the loss at the current parameters. */
    public SimpleStepContext withLoss(double value) {
        loss = value;
        return this;
    }

    /** Sets the values a schedule drives this step (e.g. {@code beta1}); others use the configured value. */
    public SimpleStepContext withScheduled(Map<String, Double> values) {
        scheduled = Map.copyOf(values);
        return this;
    }

    @Override public long step() {
        return step;
    }

    @Override public int epoch() {
        return epoch;
    }

    @Override public double learningRate() {
        return learningRate;
    }

    @Override public double scheduled(String name, double configured) {
        Double v = scheduled.get(name);
        return v == null ? configured : v;
    }

    @Override public double loss() {
        return loss;
    }

    @Override public RandomGenerator random() {
        if (random == null || randomStep != step) {
            random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step);
            randomStep = step;
        }
        return random;
    }
}
