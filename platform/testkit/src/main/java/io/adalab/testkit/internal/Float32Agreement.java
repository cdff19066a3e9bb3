package io.adalab.testkit.internal;

import io.adalab.api.DType;
import io.adalab.api.UpdateRule;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Runs one configuration in float32 and in float64 from the same float-representable start (the
 * kit's, scaled by {@value #START_SCALE}) and
 * gradients (fixed, not the problem's, so both precisions see identical inputs) and compares the
 * parameter displacement and every slot by {@code max |a - b| / max |b|}. Float32 fast paths (plain
 * float loops over the raw arrays) must agree with the double loops to float precision.
 */
public final class Float32Agreement {
    /** Steps of each run. */
    public static final int STEPS = 20;
    /**
     * The kit's start point scaled down: float32 rounds a parameter near 2 to about 1e-7 each step,
     * which alone is over 1e-5 of 20 small steps (lr 1e-3); near 0.02 rounding stays below the
     * displacement's own float precision.
     */
    private static final double START_SCALE = 0.01;

    private Float32Agreement() {
    }

    /**
     * @param f32       a fresh rule for the float32 run
     * @param f64       a fresh rule of the same configuration for the float64 run
     * @param tolerance the largest relative difference allowed
     * @throws AssertionError naming the first quantity that differs by more
     */
    public static void check(UpdateRule f32, UpdateRule f64, double lr, long seed, double tolerance) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x0 = KitProblem.start(0);
        for (int i = 0; i < x0.length; i++) {
            x0[i] = (float) (START_SCALE * x0[i]);
        }
        double[][] grads = new double[STEPS][KitProblem.DIMENSION];
        for (double[] g : grads) {
            for (int i = 0; i < g.length; i++) {
                g[i] = (float) (random.nextGaussian() * 0.5 + 0.1);
            }
        }
        KitRun single = run(f32, DType.FLOAT32, x0, grads, lr, seed);
        KitRun dbl = run(f64, DType.FLOAT64, x0, grads, lr, seed);
        expect(relativeDifference(minus(single.params(), x0), minus(dbl.params(), x0)), tolerance, "parameter displacement");
        for (int k = 0; k < dbl.slotCount(); k++) {
            expect(relativeDifference(single.slot(k), dbl.slot(k)), tolerance, "slot " + k);
        }
    }

    private static KitRun run(UpdateRule rule, DType dtype, double[] x0, double[][] grads, double lr, long seed) {
        KitRun run = KitRun.start(rule, dtype, x0, lr, seed);
        for (double[] g : grads) {
            run.stepWith(g);
        }
        if (run.dtype() != dtype) {
            throw new AssertionError("parameters changed precision from " + dtype + " to " + run.dtype());
        }
        return run;
    }

    private static void expect(double difference, double tolerance, String what) {
        if (!(difference <= tolerance)) {
            throw new AssertionError(String.format(Locale.ROOT,
                "%s after %d steps differs between float32 and float64 by %.3g relative (tolerance %.3g)",
                what, STEPS, difference, tolerance));
        }
    }

    private static double[] minus(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
        return out;
    }

    /** max |a - b| / max |b| (the absolute difference if b is all zero); NaN if either holds NaN. */
    private static double relativeDifference(double[] a, double[] b) {
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs(a[i] - b[i]);
            if (Double.isNaN(d)) {
                return Double.NaN;
            }
            diff = Math.max(diff, d);
            scale = Math.max(scale, Math.abs(b[i]));
        }
        return scale == 0 ? diff : diff / scale;
    }
}
