package io.adalab.core.train;

import io.adalab.api.Vec;

/**
 * Sums of squares for telemetry, specialised for float32 storage: a generic {@code Vec.get} loop
 * widens each element and serialises on one accumulator; four accumulators over the raw array run
 * about twice as fast, which matters at 1e7 parameters.
 */
final class Norms {
    private Norms() {
    }

    /** Σ x² over {@code [from, to)}. */
    static double sumSquares(Vec v, int from, int to) {
        if (v instanceof Vec.F32 f) {
            float[] a = f.array();
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int i = from;
            for (; i + 3 < to; i += 4) {
                double x0 = a[i];
                double x1 = a[i + 1];
                double x2 = a[i + 2];
                double x3 = a[i + 3];
                s0 += x0 * x0;
                s1 += x1 * x1;
                s2 += x2 * x2;
                s3 += x3 * x3;
            }
            for (; i < to; i++) {
                double x = a[i];
                s0 += x * x;
            }
            return s0 + s1 + s2 + s3;
        }
        double s = 0;
        for (int i = from; i < to; i++) {
            double x = v.get(i);
            s += x * x;
        }
        return s;
    }

    /** {Σ (p - q)², Σ p²} over {@code [from, to)}. */
    static void deltaAndSquares(Vec p, Vec q, int from, int to, double[] out) {
        double d0 = 0;
        double d1 = 0;
        double p0 = 0;
        double p1 = 0;
        if (p instanceof Vec.F32 pf && q instanceof Vec.F32 qf) {
            float[] a = pf.array();
            float[] b = qf.array();
            int i = from;
            for (; i + 1 < to; i += 2) {
                double x0 = a[i];
                double x1 = a[i + 1];
                double e0 = x0 - b[i];
                double e1 = x1 - b[i + 1];
                d0 += e0 * e0;
                d1 += e1 * e1;
                p0 += x0 * x0;
                p1 += x1 * x1;
            }
            for (; i < to; i++) {
                double x = a[i];
                double e = x - b[i];
                d0 += e * e;
                p0 += x * x;
            }
        } else {
            for (int i = from; i < to; i++) {
                double x = p.get(i);
                double e = x - q.get(i);
                d0 += e * e;
                p0 += x * x;
            }
        }
        out[0] = d0 + d1;
        out[1] = p0 + p1;
    }
}
