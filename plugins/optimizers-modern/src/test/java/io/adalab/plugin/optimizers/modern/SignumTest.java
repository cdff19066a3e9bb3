package io.adalab.plugin.optimizers.modern;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signum and signSGD against Bernstein et al. (2018), worked by hand, and Theorem 1 on a quadratic. */
class SignumTest {

    @Test
    void signumStepsAlongTheSignOfTheMomentumNotOfTheGradient() {
        Stepper run = new Stepper(new Signum(), Map.of("lr", 0.1, "momentum", 0.9), new double[] {0, 0, 0});
        // m1 = 0.1 g1 = (0.2, -0.1, 0): x1 = -0.1 sign(m1)
        assertThat(run.step(2, -1, 0)).containsExactly(-0.1, 0.1, 0);
        // m2 = 0.9 m1 + 0.1 g2 = (0.08, -0.04, 0): the flipped gradient does not flip the sign yet
        assertThat(run.step(-1, 0.5, 0)).containsExactly(-0.2, 0.2, 0);
    }

    @Test
    void signSgdStepsAlongTheSignOfEachGradient() {
        Stepper run = new Stepper(new SignSgd(), Map.of("lr", 0.1), new double[] {0, 0, 0});
        assertThat(run.step(2, -1e-9, 0)).containsExactly(-0.1, 0.1, 0);
        assertThat(run.step(-1, 0.5, 0)).containsExactly(0, 0, 0);
    }

    @Test
    void signumWithoutMomentumIsSignSgd() {
        Stepper signum = new Stepper(new Signum(), Map.of("lr", 0.05, "momentum", 0.0, "weight_decay", 0.1),
            new double[] {1, -2});
        Stepper sign = new Stepper(new SignSgd(), Map.of("lr", 0.05, "weight_decay", 0.1), new double[] {1, -2});
        for (double[] g : new double[][] {{0.3, -0.1}, {-0.05, 0.4}, {0.0, 0.25}}) {
            assertThat(signum.step(g)).containsExactly(sign.step(g));
        }
    }

    @Test
    void signSgdMeetsTheoremOneOnANoiselessSeparableQuadratic() {
        // f(x) = 1/2 sum L_i x_i^2 satisfies Assumption 2 with these L_i, f* = 0, sigma = 0. Theorem 1
        // with delta = 1/sqrt(||L||_1 K) and N = K^2 gradient calls:
        // (1/K sum_k ||g_k||_1)^2 <= (1/K) ||L||_1 (f_0 - f* + 1/2)^2
        double[] l = {1, 10, 100, 0.5};
        double[] x = {1, -1, 0.5, 2};
        int steps = 400;
        double l1 = 0;
        double f0 = 0;
        for (int i = 0; i < l.length; i++) {
            l1 += l[i];
            f0 += 0.5 * l[i] * x[i] * x[i];
        }
        Stepper run = new Stepper(new SignSgd(), Map.of("lr", 1 / Math.sqrt(l1 * steps)), x);
        double sumGradL1 = 0;
        for (int k = 0; k < steps; k++) {
            double[] g = new double[l.length];
            for (int i = 0; i < l.length; i++) {
                g[i] = l[i] * x[i];
                sumGradL1 += Math.abs(g[i]);
            }
            x = run.step(g);
        }
        double mean = sumGradL1 / steps;
        assertThat(mean * mean).isLessThanOrEqualTo(l1 * Math.pow(f0 + 0.5, 2) / steps);
    }
}
