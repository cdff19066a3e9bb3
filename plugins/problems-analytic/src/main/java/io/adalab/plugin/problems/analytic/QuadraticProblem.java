package io.adalab.plugin.problems.analytic;

import io.adalab.api.ObjectiveFunction;
import io.adalab.api.Vec;
import java.util.Optional;
import java.util.Random;

/**
 * {@code f(x) = 0.5 x^T A x - b^T x} with {@code A = Q diag(lambda) Q^T} symmetric positive definite,
 * gradient {@code A x - b}, minimiser {@code x* = A^-1 b} and minimum {@code f* = -0.5 b^T A^-1 b}.
 *
 * <p>Construction from {@code seed}, in this order from one {@link java.util.Random} (whose
 * algorithm the JDK specifies, so problems are identical on every JVM): an {@code n x n} Gaussian
 * matrix (its Gram-Schmidt Q is the eigenbasis), then {@code b ~ N(0, I)}, then
 * {@code x0 ~ N(0, I)}. The matrix is drawn even when {@code rotate} is false, so toggling
 * {@code rotate} changes only the eigenbasis (identity instead of Q), not {@code b} or {@code x0}.
 * Eigenvalues are {@code logspace(0, log10(condition), n)}: {@code lambda_i = condition^(i/(n-1))}.
 */
final class QuadraticProblem implements ObjectiveFunction {
    private final int n;
    private final double[] a;
    private final double[] b;
    private final double[] x0;
    private final double[] xStar;
    private final double fStar;

    private QuadraticProblem(int n, double[] a, double[] b, double[] x0, double[] xStar, double fStar) {
        this.n = n;
        this.a = a;
        this.b = b;
        this.x0 = x0;
        this.xStar = xStar;
        this.fStar = fStar;
    }

    /** Builds the problem; O(n^3) time, O(n^2) memory. */
    static QuadraticProblem build(int n, double condition, boolean rotate, long seed) {
        Random rng = new Random(seed);
        double[] q = RandomOrthogonal.draw(n, rng);
        double[] b = gaussian(n, rng);
        double[] x0 = gaussian(n, rng);
        if (!rotate) {
            q = new double[n * n];
            for (int i = 0; i < n; i++) {
                q[i * n + i] = 1;
            }
        }
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = n == 1 ? 1 : Math.pow(condition, (double) i / (n - 1));
        }
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += q[i * n + k] * lambda[k] * q[j * n + k];
                }
                a[i * n + j] = s;
                a[j * n + i] = s; // exactly symmetric, so the gradient is exactly A x - b
            }
        }
        // x* = Q diag(1/lambda) Q^T b and f* = -0.5 sum (q_k . b)^2 / lambda_k, without a solve.
        double[] xStar = new double[n];
        double fStar = 0;
        for (int k = 0; k < n; k++) {
            double c = 0;
            for (int i = 0; i < n; i++) {
                c += q[i * n + k] * b[i];
            }
            fStar -= 0.5 * c * c / lambda[k];
            for (int i = 0; i < n; i++) {
                xStar[i] += q[i * n + k] * c / lambda[k];
            }
        }
        return new QuadraticProblem(n, a, b, x0, xStar, fStar);
    }

    private static double[] gaussian(int n, Random rng) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }

    @Override public int dimension() {
        return n;
    }

    @Override public void initialPoint(Vec out) {
        for (int i = 0; i < n; i++) {
            out.set(i, x0[i]);
        }
    }

    @Override public double lossAndGradient(Vec x, Vec gradOut) {
        double[] xs = x.toDoubleArray(); // a copy: correct even if gradOut is x itself
        double f = 0;
        for (int i = 0; i < n; i++) {
            double ax = 0;
            for (int j = 0; j < n; j++) {
                ax += a[i * n + j] * xs[j];
            }
            f += 0.5 * xs[i] * ax - b[i] * xs[i];
            gradOut.set(i, ax - b[i]);
        }
        return f;
    }

    @Override public Optional<Double> minimumValue() {
        return Optional.of(fStar);
    }

    /** The minimiser {@code A^-1 b} (a copy). */
    double[] minimizer() {
        return xStar.clone();
    }

    /** Entry {@code (i, j)} of {@code A}. */
    double a(int i, int j) {
        return a[i * n + j];
    }
}
