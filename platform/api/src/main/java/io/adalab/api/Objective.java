package io.adalab.api;

import org.pf4j.ExtensionPoint;

/**
 * An analytic optimization problem (Rosenbrock, an ill-conditioned quadratic, ...), trained
 * without model or dataset: every step evaluates the function and its exact gradient.
 */
public interface Objective extends ExtensionPoint, Component {

    /**
     * Creates the function of one run.
     *
     * @param hyperparameters validated against {@link #schema()}
     * @param seed            for problems with random construction or noise
     */
    ObjectiveFunction create(Hyperparameters hyperparameters, long seed);
}
