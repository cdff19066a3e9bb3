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
 */
public record KitOptions(boolean movesOnZeroGradient, int steps, long seed, OptimizerResolver resolver) {
    public KitOptions {
        if (steps < 4) {
            throw new IllegalArgumentException("steps must be at least 4");
        }
    }

    /** 100 steps, seed 42, no nested optimizers, zero gradient must not move. */
    public static KitOptions defaults() {
        return new KitOptions(false, 100, 42, null);
    }

    /** These options, declaring that the method moves on a zero gradient. */
    public KitOptions movingOnZeroGradient() {
        return new KitOptions(true, steps, seed, resolver);
    }

    /** These options with another number of steps. */
    public KitOptions withSteps(int value) {
        return new KitOptions(movesOnZeroGradient, value, seed, resolver);
    }

    /** These options with a resolver for nested optimizers. */
    public KitOptions withResolver(OptimizerResolver value) {
        return new KitOptions(movesOnZeroGradient, steps, seed, value);
    }
}
