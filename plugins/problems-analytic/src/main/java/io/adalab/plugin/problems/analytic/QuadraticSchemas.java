package io.adalab.plugin.problems.analytic;

import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;

/** The hyperparameters the plain and the noisy quadratic share, in one place. */
final class QuadraticSchemas {
    /** Largest dimension: construction is O(n^3), storage O(n^2). */
    static final int MAX_N = 1000;

    private QuadraticSchemas() {
    }

    /** A builder with {@code n}, {@code condition} and {@code rotate} declared. */
    static HyperparameterSchema.Builder base() {
        return HyperparameterSchema.builder()
            .integer("n", 10).range(1, MAX_N).help("dimension of x (construction costs O(n^3), so at most "
                + MAX_N + ")")
            .real("condition", 1000.0).min(1).logScale()
                .help("condition number of A: eigenvalues are logspace(0, log10(condition), n)")
            .bool("rotate", true).help("rotate the eigenbasis by a seeded random orthogonal matrix; "
                + "false gives a diagonal A (axis-aligned, easy for per-coordinate methods)");
    }

    /** Builds the problem the resolved values describe. */
    static QuadraticProblem build(Hyperparameters hp, long seed) {
        return QuadraticProblem.build(hp.integerAsInt("n"), hp.real("condition"), hp.bool("rotate"), seed);
    }
}
