package io.adalab.server.cli.bench;

import java.util.SplittableRandom;

/** Deterministic benchmark inputs. */
final class Inputs {
    private Inputs() {
    }

    /** {@code n} values uniform in {@code [-scale, scale)}, never exactly zero. */
    static float[] values(int n, long seed, float scale) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            float x = (float) ((r.nextDouble() * 2 - 1) * scale);
            out[i] = x == 0 ? scale * 1e-3f : x;
        }
        return out;
    }
}
