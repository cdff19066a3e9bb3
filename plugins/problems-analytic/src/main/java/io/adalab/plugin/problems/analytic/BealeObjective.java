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
 * Beale's function {@code f(x, y) = (1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2},
 * a classic two-dimensional test with sharp ridges and flat regions. Global minimum
 * {@code f(3, 0.5) = 0}. With {@code t_k = c_k - x + x y^k} ({@code c = 1.5, 2.25, 2.625}):
 * {@code df/dx = sum 2 t_k (y^k - 1)}, {@code df/dy = sum 2 t_k k x y^(k-1)}.
 *
 * <p>The default start {@code (1, 1.5)} lies on the far side of a flat plateau from the minimum,
 * {@code f = 41.25}; it is our choice, not a standard.
 *
 * <p>Beale, E. M. L. (1958). On an iterative method for finding a local minimum of a function of
 * more than one variable. Technical Report 25, Statistical Techniques Research Group, Princeton
 * University.
 */
@Extension
public final class BealeObjective implements Objective {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("x0", 1.0).help("starting x")
        .real("y0", 1.5).help("starting y")
        .build();

    @Override public String id() {
        return "beale";
    }

    @Override public String displayName() {
        return "Beale";
    }

    @Override public String description() {
        return "Two-dimensional function with plateaus and sharp ridges; minimum 0 at (3, 0.5).";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(new PaperReference("Beale", 1958,
            "On an iterative method for finding a local minimum of a function of more than one variable",
            "", "Technical Report 25, Statistical Techniques Research Group, Princeton University"));
    }

    @Override public ObjectiveFunction create(Hyperparameters hp, long seed) {
        return new Beale(hp.real("x0"), hp.real("y0"));
    }

    /** The function of one run; immutable. */
    record Beale(double x0, double y0) implements ObjectiveFunction {
        private static final double[] C = {1.5, 2.25, 2.625};

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
            double f = 0;
            double gx = 0;
            double gy = 0;
            double yPrev = 1; // y^(k-1)
            for (int k = 1; k <= 3; k++) {
                double yk = yPrev * y;
                double t = C[k - 1] - x + x * yk;
                f += t * t;
                gx += 2 * t * (yk - 1);
                gy += 2 * t * k * x * yPrev;
                yPrev = yk;
            }
            gradOut.set(0, gx);
            gradOut.set(1, gy);
            return f;
        }

        @Override public Optional<Double> minimumValue() {
            return Optional.of(0.0);
        }
    }
}
