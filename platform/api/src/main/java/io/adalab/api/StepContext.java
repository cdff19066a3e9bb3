package io.adalab.api;

import java.util.random.RandomGenerator;

/** What an {@link UpdateRule} knows about the step it performs, provided by the platform. */
public interface StepContext {

    /** 1-based number of this step within the run ({@code t} in most papers). */
    long step();

    /** 0-based epoch the step belongs to. */
    int epoch();

    /**
     * The learning rate for this step: the optimizer's {@code lr} hyperparameter as driven by the
     * run's schedule.
     */
    double learningRate();

    /**
     * The value of hyperparameter {@code name} for this step: the schedule's value if it drives
     * {@code name} (one-cycle drives {@code beta1}/{@code momentum}), else {@code configured}.
     */
    double scheduled(String name, double configured);

    /** Mean training loss at the current parameters (computed with the gradient). */
    double loss();

    /** A generator seeded from the run's seed, for stochastic methods; deterministic per run. */
    RandomGenerator random();
}
