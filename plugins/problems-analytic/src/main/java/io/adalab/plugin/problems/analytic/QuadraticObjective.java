package io.adalab.plugin.problems.analytic;

import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.Objective;
import io.adalab.api.ObjectiveFunction;
import org.pf4j.Extension;

/**
 * An ill-conditioned convex quadratic {@code f(x) = 0.5 x^T A x - b^T x}: the standard model of a
 * loss near a minimum, where the condition number of {@code A} decides how hard it is for
 * gradient descent (its iterations needed grow with the condition number; momentum's with its
 * square root, Nesterov, Y. (2004). Introductory Lectures on Convex Optimization, ch. 2). The
 * run's seed draws the eigenbasis, {@code b} and the start; see {@link QuadraticProblem}. The
 * minimum {@code f* = -0.5 b^T A^-1 b} is known exactly.
 *
 * <p>The defaults ({@code n = 10}, {@code condition = 1000}) match the eigenvalues of the optimizer
 * reference problem {@code quadratic10}; its Q, b and x0 came from NumPy's generator and are not
 * reproduced here.
 */
@Extension
public final class QuadraticObjective implements Objective {
    private static final HyperparameterSchema SCHEMA = QuadraticSchemas.base().build();

    @Override public String id() {
        return "quadratic";
    }

    @Override public String displayName() {
        return "Ill-conditioned quadratic";
    }

    @Override public String description() {
        return "0.5 x^T A x - b^T x with eigenvalues of A log-spaced from 1 to the condition number, "
            + "in a seeded random basis; exact minimum known.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public ObjectiveFunction create(Hyperparameters hp, long seed) {
        return QuadraticSchemas.build(hp, seed);
    }
}
