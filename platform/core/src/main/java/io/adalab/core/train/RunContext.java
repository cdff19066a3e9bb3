package io.adalab.core.train;

import io.adalab.api.StepContext;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The trainer's mutable {@link StepContext}, updated in place before every step (no allocation).
 * Its random numbers are a function of the seed and the step (a generator per step, made when a
 * rule first asks), so a run resumed from a checkpoint draws what the uninterrupted run would have.
 */
final class RunContext implements StepContext {
    private final long seed;
    private RandomGenerator random;
    private long randomStep = -1;
    private long step;
    private int epoch;
    private double lr;
    private double loss;
    private Map<String, Double> driven = Map.of();

    RunContext(long seed) {
        this.seed = seed;
    }

    void set(long step, int epoch, double lr, double loss, Map<String, Double> driven) {
        this.step = step;
        this.epoch = epoch;
        this.lr = lr;
        this.loss = loss;
        this.driven = driven;
    }

    @Override public long step() {
        return step;
    }

    @Override public int epoch() {
        return epoch;
    }

    @Override public double learningRate() {
        return lr;
    }

    @Override public double scheduled(String name, double configured) {
        Double v = driven.get(name);
        return v == null ? configured : v;
    }

    @Override public double loss() {
        return loss;
    }

    @Override public RandomGenerator random() {
        if (randomStep != step || random == null) {
            randomStep = step;
            random = new SplittableRandom((seed ^ 0x9E3779B97F4A7C15L) + step * 0xBF58476D1CE4E5B9L);
        }
        return random;
    }
}
