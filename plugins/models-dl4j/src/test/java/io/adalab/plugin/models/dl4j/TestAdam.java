package io.adalab.plugin.models.dl4j;

import io.adalab.api.Vec;

/** A plain Adam (Kingma and Ba 2015, Algorithm 1) for the training tests; the optimizer plugins are not on this classpath. */
final class TestAdam {
    private final double lr;
    private final double[] m;
    private final double[] v;
    private int t;

    TestAdam(double lr, int n) {
        this.lr = lr;
        this.m = new double[n];
        this.v = new double[n];
    }

    void step(Vec p, Vec g) {
        t++;
        double c1 = 1 - Math.pow(0.9, t);
        double c2 = 1 - Math.pow(0.999, t);
        for (int i = 0; i < m.length; i++) {
            double gi = g.get(i);
            m[i] = 0.9 * m[i] + 0.1 * gi;
            v[i] = 0.999 * v[i] + 0.001 * gi * gi;
            p.set(i, p.get(i) - lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8));
        }
    }
}
