package io.adalab.testkit.internal;

import io.adalab.api.ParameterGroup;
import io.adalab.api.Vec;
import java.util.List;

/**
 * The kit's test problem: a 20-dimensional diagonal quadratic f(x) = 0.5 sum l_i (x_i - c_i)^2 with
 * curvatures l_i from 0.1 to 1 (log-spaced), split into a 4 x 3 "weight" group and an 8-element
 * "bias" group so that per-group and factored methods see more than one tensor.
 */
public final class KitProblem {
    /** Number of parameters. */
    public static final int DIMENSION = 20;
    private static final double[] CURVATURE = new double[DIMENSION];
    private static final double[] CENTER = new double[DIMENSION];

    static {
        for (int i = 0; i < DIMENSION; i++) {
            CURVATURE[i] = Math.pow(10, -1 + i / (DIMENSION - 1.0));
            CENTER[i] = Math.sin(i + 1.0);
        }
    }

    private KitProblem() {
    }

    /** The groups: {@code w} (4 x 3) and {@code b} (8). */
    public static List<ParameterGroup> groups() {
        return List.of(new ParameterGroup("w", 0, 12, new long[] {4, 3}), ParameterGroup.of("b", 12, 8));
    }

    /** A deterministic starting point; {@code variant} gives other ones. */
    public static double[] start(int variant) {
        double[] x = new double[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            x[i] = 2 * Math.cos(1.7 * i + variant) + 0.1 * variant;
        }
        return x;
    }

    /** f(x); writes the gradient into {@code grad}. */
    public static double lossAndGradient(Vec x, Vec grad) {
        double f = 0;
        for (int i = 0; i < DIMENSION; i++) {
            double d = x.get(i) - CENTER[i];
            f += 0.5 * CURVATURE[i] * d * d;
            grad.set(i, CURVATURE[i] * d);
        }
        return f;
    }
}
