package io.adalab.plugin.problems.analytic;

import io.adalab.api.ObjectiveFunction;
import io.adalab.api.Vec;

/** Central finite differences of an objective, in float64. */
final class FiniteDifferences {
    private FiniteDifferences() {
    }

    static double[] gradient(ObjectiveFunction f, double[] x, double h) {
        double[] g = new double[x.length];
        Vec scratch = Vec.zeros(io.adalab.api.DType.FLOAT64, x.length);
        for (int i = 0; i < x.length; i++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[i] += h;
            minus[i] -= h;
            g[i] = (f.lossAndGradient(Vec.of(plus), scratch) - f.lossAndGradient(Vec.of(minus), scratch)) / (2 * h);
        }
        return g;
    }

    /** max_i |a_i - b_i| / max(1, |b_i|). */
    static double maxRelativeError(double[] a, double[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
        }
        return worst;
    }
}
