package io.adalab.testkit;

import io.adalab.api.OptimizerResolver;

/**
 * Settings of the {@link OptimizerKit}.
 *
 * @param movesOnZeroGradient the method moves the parameters on a zero first gradient by design
 *                            (e.g. ASGD's decay term); skips that check
 * @param steps               steps of each kit run (at least 4)
 * @param seed                seed of every run's {@link SimpleStepContext}
 * @param resolver            resolves nested optimizer settings (wrappers such as Lookahead), or null
 * @param float32Tolerance    the largest relative difference between a float32 and a float64 run of
 *                            the check {@value OptimizerKit#FLOAT32_AGREES_WITH_FLOAT64} (default
 *                            {@value #FLOAT32_TOLERANCE}); positive infinity skips that check
 */
public record KitOptions(boolean movesOnZeroGradient, int steps, long seed, OptimizerResolver resolver,
                         double float32Tolerance) {
    /** The default tolerance of the float32 agreement check: float precision (about 6e-8) after 20 steps, with margin. */
    public static final double FLOAT32_TOLERANCE = 1e-5;

    public KitOptions {
        if (steps < 4) {
            throw new IllegalArgumentException("steps must be at least 4");
        }
        if (!(float32Tolerance > 0)) {
            throw new IllegalArgumentException("float32Tolerance must be positive (infinity skips the check)");
        }
    }

    /** Options with the default float32 tolerance. */
    public KitOptions(boolean movesOnZeroGradient, int steps, long seed, OptimizerResolver resolver) {
        this(movesOnZeroGradient, steps, seed, resolver, FLOAT32_TOLERANCE);
    }

    /** 100 steps, seed 42, no nested optimizers, zero gradient must not move, float32 within 1e-5. */
    public static KitOptions defaults() {
        return new KitOptions(false, 100, 42, null);
    }

    /** These options, declaring that the method moves on a zero gradient. */
    public KitOptions movingOnZeroGradient() {
        return new KitOptions(true, steps, seed, resolver, float32Tolerance);
    }

    /** These options with another number of steps. */
    public KitOptions withSteps(int value) {
        return new KitOptions(movesOnZeroGradient, value, seed, resolver, float32Tolerance);
    }

    /** These options with a resolver for nested optimizers. */
    public KitOptions withResolver(OptimizerResolver value) {
        return new KitOptions(movesOnZeroGradient, steps, seed, value, float32Tolerance);
    }

    /**
     * These options with a looser float32 agreement: only for a method whose float32 result
     * legitimately differs by more than float rounding (float-specific rounding steps, or a
     * decision such as a sign taken on a value that rounds across zero). Say why where you use it.
     */
    public KitOptions withFloat32Tolerance(double value) {
        return new KitOptions(movesOnZeroGradient, steps, seed, resolver, value);
    }

    /**
     * These options without the float32 agreement check: for a method whose float32 and float64
     * trajectories may part for good (e.g. a sign-based step on values that round across zero).
     * Prefer {@link #withFloat32Tolerance} where a bound exists; say why where you use it.
     */
    public KitOptions withoutFloat32Agreement() {
        return withFloat32Tolerance(Double.POSITIVE_INFINITY);
    }
}
