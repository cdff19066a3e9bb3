package io.adalab.plugin.optimizers.lrfree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mechanic against Algorithm 1 of Cutkosky, Defazio &amp; Mehta (2023), worked by hand. */
class MechanicTest {
    private static final double LR = 0.1;
    private static final double S_INIT = 1e-8;
    private static final double EPS = 1e-8;
    private static final double LAMBDA = 0.01;
    private static final List<Double> BETAS = List.of(0.9, 0.99);

    private Quadratic run() {
        return new Quadratic(new Mechanic(), Map.of("inner", Map.of("optimizer", "sgd", "lr", LR), "betas", BETAS,
            "decay", LAMBDA, "s_init", S_INIT, "eps", EPS), 4, 1.0);
    }

    @Test
    void firstStepsFollowAlgorithmOneWorkedByHand() {
        Quadratic q = run();
        int n = 4;
        double[] x1 = q.buffers.params().toDoubleArray();
        double[] g1 = gradient(q, x1);

        // t = 1: Delta_1 = 0, so h_1 = 0, s_2 = 0 and x_2 = x_ref = x_1 (the base step is only recorded).
        q.step();
        assertThat(q.buffers.params().toDoubleArray()).containsExactly(x1);

        // t = 2: g_2 = g_1 (same point), Delta_2 = u_1 = -lr g_1, sum s_2 = 0 so the decay term vanishes.
        double h2 = 0;
        for (int i = 0; i < n; i++) {
            h2 += -LR * g1[i] * g1[i];
        }
        double[] s3 = new double[2];
        double[] m = new double[2];
        double[] v = new double[2];
        double[] r = new double[2];
        for (int j = 0; j < 2; j++) {
            m[j] = Math.abs(h2);
            v[j] = h2 * h2;
            r[j] = 0; // max(0, beta r_1 - s_2 h_2) with r_1 = s_2 = 0
            s3[j] = (S_INIT / 2 * m[j] + r[j]) / (Math.sqrt(v[j]) + EPS);
        }
        double scale3 = s3[0] + s3[1];
        double[] x3 = new double[n];
        for (int i = 0; i < n; i++) {
            x3[i] = x1[i] + scale3 * (-2 * LR * g1[i]); // Delta_3 = u_1 + u_2 = -2 lr g_1
        }
        q.step();
        assertThat(scale3).isCloseTo(S_INIT, within(1e-15));
        assertClose(q.buffers.params().toDoubleArray(), x3);

        // t = 3: g_3 at x_3, Delta_3 = -2 lr g_1, h_3 with the decay term lambda S_3 ||g_3|| x_3 / ||x_3||.
        double[] g3 = gradient(q, x3);
        double dg = 0;
        double dx = 0;
        double gn = 0;
        double xn = 0;
        for (int i = 0; i < n; i++) {
            double delta = -2 * LR * g1[i];
            dg += delta * g3[i];
            dx += delta * x3[i];
            gn += g3[i] * g3[i];
            xn += x3[i] * x3[i];
        }
        double h3 = dg + LAMBDA * scale3 * Math.sqrt(gn) / Math.sqrt(xn) * dx;
        double scale4 = 0;
        double[] betas = {0.9, 0.99};
        for (int j = 0; j < 2; j++) {
            m[j] = Math.max(betas[j] * m[j], Math.abs(h3));
            v[j] = betas[j] * betas[j] * v[j] + h3 * h3;
            r[j] = Math.max(0, betas[j] * r[j] - s3[j] * h3);
            scale4 += (S_INIT / 2 * m[j] + r[j]) / (Math.sqrt(v[j]) + EPS);
        }
        double[] x4 = new double[n];
        for (int i = 0; i < n; i++) {
            x4[i] = x1[i] + scale4 * (-2 * LR * g1[i] - LR * g3[i]); // the base SGD step u_3 = -lr g_3
        }
        q.step();
        assertThat(h3).isNegative();
        assertThat(scale4).isGreaterThan(scale3);
        assertClose(q.buffers.params().toDoubleArray(), x4);
    }

    @Test
    void makesProgressOnAQuadraticFromATinyInitialScale() {
        Quadratic q = new Quadratic(new Mechanic(), Map.of("inner", Map.of("optimizer", "sgd", "lr", 0.1)), 10, 1.0);
        double before = q.loss(q.buffers.params());
        for (int k = 0; k < 300; k++) {
            q.step();
        }

        assertThat(q.loss(q.buffers.params())).isLessThan(0.05 * before);
    }

    @Test
    void makesProgressAroundAdamToo() {
        Quadratic q = new Quadratic(new Mechanic(), Map.of(), 10, 1.0);
        double before = q.loss(q.buffers.params());
        for (int k = 0; k < 300; k++) {
            q.step();
        }

        assertThat(q.loss(q.buffers.params())).isLessThan(0.05 * before);
    }

    private static double[] gradient(Quadratic q, double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = q.curvature[i] * (x[i] - q.center[i]);
        }
        return g;
    }

    private static void assertClose(double[] actual, double[] expected) {
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], within(1e-14 * (1 + Math.abs(expected[i]))));
        }
    }
}
