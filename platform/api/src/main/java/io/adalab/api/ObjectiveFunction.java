package io.adalab.api;

import java.util.Optional;

/** A deterministic function of a flat parameter vector with its gradient (no data, no batches). */
public interface ObjectiveFunction {

    /** Number of parameters. */
    int dimension();

    /** Writes the starting point into {@code out}. */
    void initialPoint(Vec out);

    /** Returns f(x) and writes the gradient of f at x into {@code gradOut}. */
    double lossAndGradient(Vec x, Vec gradOut);

    /** The known minimum value f*, if any (for "distance to optimum" reporting). */
    default Optional<Double> minimumValue() {
        return Optional.empty();
    }
}
