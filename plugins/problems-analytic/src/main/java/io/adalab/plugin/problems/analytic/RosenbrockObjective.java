package io.adalab.plugin.problems.analytic;

import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.Objective;
import io.adalab.api.ObjectiveFunction;
import io.adalab.api.PaperReference;
import io.adalab.api.Vec;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Rosenbrock's banana function {@code f(x, y) = (a - x)^2 + b (y - x^2)^2}, with gradient
 * {@code df/dx = -2 (a - x) - 4 b x (y - x^2)}, {@code df/dy = 2 b (y - x^2)}. Its minimum is
 * {@code f(a, a^2) = 0}, at the end of a long, flat, curved valley.
 *
 * <p>Defaults ({@code a = 1, b = 100}, start {@code (-1.5, 2.0)} where {@code f = 12.5}) are those
 * of the optimizer reference trajectories ({@code optimizer-reference/1}, problem {@code rosenbrock}).
 *
 * <p>Rosenbrock, H. H. (1960). An automatic method for finding the greatest or least value of a
 * function. The Computer Journal 3(3), 175-184.
 */
@Extension
public final class RosenbrockObjective implements Objective {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("a", 1.0).help("position of the minimum: x* = a, y* = a^2")
        .real("b", 100.0).positive().help("steepness of the valley walls; larger is harder")
        .real("x0", -1.5).help("starting x")
        .real("y0", 2.0).help("starting y")
        .build();

    @Override public String id() {
        return "rosenbrock";
    }

    @Override public String displayName() {
        return "Rosenbrock";
    }

    @Override public String description() {
        return "Two-dimensional banana valley (a - x)^2 + b (y - x^2)^2; minimum 0 at (a, a^2).";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(new PaperReference("Rosenbrock", 1960,
            "An automatic method for finding the greatest or least value of a function", "",
            "The Computer Journal 3(3)"));
    }

    @Override public ObjectiveFunction create(Hyperparameters hp, long seed) {
        return new Rosenbrock(hp.real("a"), hp.real("b"), hp.real("x0"), hp.real("y0"));
    }

    /** The function of one run; immutable. */
    record Rosenbrock(double a, double b, double x0, double y0) implements ObjectiveFunction {
        @Override public int dimension() {
            return 2;
        }

        @Override public void initialPoint(Vec out) {
            out.set(0, x0);
            out.set(1, y0);
        }

        @Override public double lossAndGradient(Vec p, Vec gradOut) {
            double x = p.get(0);
            double y = p.get(1);
            double r = y - x * x;
            gradOut.set(0, -2 * (a - x) - 4 * b * x * r);
            gradOut.set(1, 2 * b * r);
            return (a - x) * (a - x) + b * r * r;
        }

        @Override public Optional<Double> minimumValue() {
            return Optional.of(0.0);
        }
    }
}
