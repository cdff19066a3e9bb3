package io.adalab.plugin.optimizers.modern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** AdEMAMix against Pagliardini, Ablin, Grangier (2024), Algorithm 1 and its schedulers, worked by hand. */
class AdEMAMixTest {

    @Test
    void firstStepFollowsAlgorithmOneWithWarmedUpAlphaAndBeta3() {
        Map<String, Object> config = Map.of("lr", 0.01, "alpha", 8.0, "t_alpha", 4L, "t_beta3", 4L,
            "weight_decay", 0.1, "eps", 0.0);
        Stepper run = new Stepper(new AdEMAMix(), config, new double[] {1, -2});
        double[] p = run.step(0.5, -0.25);
        // t = 1: alpha(1) = 8/4 = 2; beta3(1) from the paper's formula with tau = 1/4
        double tau = 0.25;
        double beta3 = Math.exp(Math.log(0.9) * Math.log(0.9999) / ((1 - tau) * Math.log(0.9999) + tau * Math.log(0.9)));
        // m1_hat = g, nu_hat = g^2, m2 = (1 - beta3) g, so the direction is sign(g) (1 + 2 (1 - beta3))
        double mixed = 1 + 2 * (1 - beta3);
        assertThat(p[0]).isCloseTo(1 - 0.01 * (mixed + 0.1 * 1), within(1e-12));
        assertThat(p[1]).isCloseTo(-2 - 0.01 * (-mixed + 0.1 * -2), within(1e-12));
    }

    @Test
    void beta3WarmUpGrowsTheHalfLifeLinearlyFromBeta1ToBeta3() {
        // the scheduler's design goal: half-life ln(0.5)/ln(beta) linear in t
        long steps = 1000;
        double start = halfLife(0.9);
        double end = halfLife(0.9999);
        for (long t : new long[] {0, 100, 250, 500, 999, 1000}) {
            double expected = start + (end - start) * t / steps;
            assertThat(halfLife(AdEMAMix.beta3At(t, 0.9999, 0.9, steps))).isCloseTo(expected, within(1e-6 * end));
        }
        assertThat(AdEMAMix.beta3At(5000, 0.9999, 0.9, steps)).isEqualTo(0.9999);
        assertThat(AdEMAMix.alphaAt(250, 8, steps)).isEqualTo(2.0);
        assertThat(AdEMAMix.alphaAt(5000, 8, steps)).isEqualTo(8.0);
    }

    @Test
    void withoutTheSlowEmaItIsAdamW() {
        // alpha = 0 removes m2: p -= lr (m1_hat / (sqrt(nu_hat) + eps) + wd p)
        Stepper mix = new Stepper(new AdEMAMix(), Map.of("lr", 0.1, "alpha", 0.0, "weight_decay", 0.01),
            new double[] {1.5, -0.5});
        double[] p = {1.5, -0.5};
        double[] m = new double[2];
        double[] v = new double[2];
        double[][] grads = {{1, -2}, {0.5, 0.5}, {-3, 0.1}};
        for (int t = 1; t <= grads.length; t++) {
            double[] actual = mix.step(grads[t - 1]);
            for (int i = 0; i < 2; i++) {
                double g = grads[t - 1][i];
                m[i] = 0.9 * m[i] + 0.1 * g;
                v[i] = 0.999 * v[i] + 0.001 * g * g;
                double mHat = m[i] / (1 - Math.pow(0.9, t));
                double vHat = v[i] / (1 - Math.pow(0.999, t));
                p[i] -= 0.1 * (mHat / (Math.sqrt(vHat) + 1e-8) + 0.01 * p[i]);
                assertThat(actual[i]).isCloseTo(p[i], within(1e-14));
            }
        }
    }

    @Test
    void theSlowEmaKeepsPushingLongAfterTheGradientVanishes() {
        // "better, faster, older": after 200 steps of g = 1, then 100 of g = 0, AdamW's m1 has decayed
        // to 0.9^100 ~ 3e-5 of the old gradient while AdEMAMix's slow EMA (beta3 = 0.9999) still holds
        // about 2% of it, so over the next 50 steps AdEMAMix keeps moving and AdamW has all but stopped
        Stepper mix = new Stepper(new AdEMAMix(), Map.of("lr", 0.01, "alpha", 5.0), new double[] {0});
        Stepper adamw = new Stepper(new AdEMAMix(), Map.of("lr", 0.01, "alpha", 0.0), new double[] {0});
        for (int k = 0; k < 300; k++) {
            double g = k < 200 ? 1 : 0;
            mix.step(g);
            adamw.step(g);
        }
        double mixAt = mix.params()[0];
        double adamwAt = adamw.params()[0];
        for (int k = 0; k < 50; k++) {
            mix.step(0);
            adamw.step(0);
        }
        double mixDrift = mixAt - mix.params()[0];
        double adamwDrift = adamwAt - adamw.params()[0];
        assertThat(adamwDrift).isPositive();
        assertThat(mixDrift).isGreaterThan(100 * adamwDrift);
    }

    private static double halfLife(double beta) {
        return Math.log(0.5) / Math.log(beta);
    }
}
