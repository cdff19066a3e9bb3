package io.adalab.server.cli.bench;

import java.util.Arrays;

/** Wall-clock times of repeated steps: median and minimum, in milliseconds. */
record Timing(double medianMs, double minMs, int repetitions) {

    /** Summarises step times given in nanoseconds. */
    static Timing of(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no repetitions");
        }
        long[] s = nanos.clone();
        Arrays.sort(s);
        int n = s.length;
        double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
        return new Timing(median / 1e6, s[0] / 1e6, n);
    }

    /** Warm-up continues past the requested steps until this much time has passed (JIT, caches, page faults). */
    static final long WARMUP_FLOOR_NANOS = 250_000_000L;
    /** But never beyond this many steps. */
    static final int WARMUP_CAP = 10_000;

    /**
     * Runs {@code step} at least {@code minSteps} times and, if {@code minSteps > 0}, on until
     * {@link #WARMUP_FLOOR_NANOS} have passed (at most {@link #WARMUP_CAP} steps): a handful of steps
     * on small vectors leaves the step loop uncompiled.
     */
    static void warmUp(Runnable step, int minSteps) {
        long t0 = System.nanoTime();
        for (int k = 0; k < minSteps || minSteps > 0 && k < WARMUP_CAP && System.nanoTime() - t0 < WARMUP_FLOOR_NANOS; k++) {
            step.run();
        }
    }

    /** Effective bandwidth in GB/s when {@code bytes} move in the median time. */
    double gbPerSecond(double bytes) {
        return bytes / (medianMs * 1e-3) / 1e9;
    }
}
