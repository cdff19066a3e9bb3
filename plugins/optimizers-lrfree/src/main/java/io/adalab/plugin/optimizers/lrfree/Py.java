package io.adalab.plugin.optimizers.lrfree;

/**
 * Scalar helpers with the semantics of the reference code (Python floats and torch kernels), so
 * that edge cases (NaN, infinity, rounding) behave like the authors' implementations.
 */
final class Py {
    private Py() {
    }

    /** Python's {@code max(a, b)}: keeps {@code a} unless {@code b > a} (so a NaN {@code b} is ignored). */
    static double max(double a, double b) {
        return b > a ? b : a;
    }

    /** Python's {@code min(a, b)}: keeps {@code a} unless {@code b < a}. */
    static double min(double a, double b) {
        return b < a ? b : a;
    }

    /** torch's CPU {@code lerp(a, b, w)}, whose two branches differ in the last bit. */
    static double lerp(double a, double b, double w) {
        return w < 0.5 ? a + w * (b - a) : b - (b - a) * (1 - w);
    }
}
