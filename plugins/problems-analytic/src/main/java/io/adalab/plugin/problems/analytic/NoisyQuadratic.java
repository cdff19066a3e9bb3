package io.adalab.plugin.problems.analytic;

import io.adalab.api.ObjectiveFunction;
import io.adalab.api.Vec;
import java.util.Optional;
import java.util.Random;

/**
 * A {@link QuadraticProblem} whose gradient carries additive Gaussian noise:
 * {@code g = A x - b + noise_std * xi}, {@code xi ~ N(0, I)} drawn afresh on every call. The
 * returned loss is the exact {@code f(x)}, so curves show progress, not noise.
 *
 * <p>The noise comes from its own {@link Random}, seeded from the run's seed, so a run is
 * reproducible: the k-th call gets the k-th noise vector. This makes the function stateful: one
 * instance per run, and calls in a fixed order.
 */
final class NoisyQuadratic implements ObjectiveFunction {
    /** Decorrelates the noise stream from the construction stream of the same seed. */
    private static final long NOISE_STREAM = 0x9E3779B97F4A7C15L;
    private final QuadraticProblem quadratic;
    private final double noiseStd;
    private final Random noise;

    NoisyQuadratic(QuadraticProblem quadratic, double noiseStd, long seed) {
        this.quadratic = quadratic;
        this.noiseStd = noiseStd;
        this.noise = new Random(seed ^ NOISE_STREAM);
    }

    @Override public int dimension() {
        return quadratic.dimension();
    }

    @Override public void initialPoint(Vec out) {
        quadratic.initialPoint(out);
    }

    @Override public double lossAndGradient(Vec x, Vec gradOut) {
        double f = quadratic.lossAndGradient(x, gradOut);
        for (int i = 0, n = gradOut.length(); i < n; i++) {
            gradOut.set(i, gradOut.get(i) + noiseStd * noise.nextGaussian());
        }
        return f;
    }

    @Override public Optional<Double> minimumValue() {
        return quadratic.minimumValue();
    }
}
