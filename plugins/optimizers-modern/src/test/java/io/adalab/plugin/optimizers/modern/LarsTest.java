package io.adalab.plugin.optimizers.modern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** LARS against You, Gitman, Ginsburg (2017), Algorithm 1, worked by hand. */
class LarsTest {
    private static final Map<String, Object> CONFIG = Map.of("lr", 0.5, "momentum", 0.9, "weight_decay", 0.1,
        "trust_coefficient", 0.01);

    @Test
    void firstTwoStepsFollowAlgorithmOnePerLayer() {
        // layer 0: w = (3, 4), ||w|| = 5, g = (0.6, 0.8), ||g|| = 1; layer 1: w = (1, 0), g = (0, 2)
        Stepper run = new Stepper(new Lars(), CONFIG, new double[] {3, 4, 1, 0}, 2, 2);
        double[] g = {0.6, 0.8, 0, 2};
        double[] p1 = run.step(g);
        // lambda0 = 0.01*5/(1 + 0.1*5) = 1/30; v = 0.5/30 * (g + 0.1 w) = (0.9, 1.2)/60 = (0.015, 0.02)
        // lambda1 = 0.01*1/(2 + 0.1*1) = 1/210; v = 0.5/210 * (0.1, 2) = (1/4200, 1/210)
        assertThat(p1).containsExactly(new double[] {2.985, 3.98, 1 - 1.0 / 4200, -1.0 / 210}, within(1e-15));

        double[] p2 = run.step(g);
        // layer 0, step 2: ||w|| = sqrt(2.985^2 + 3.98^2) = 4.975, lambda = 0.01*4.975/(1 + 0.4975)
        double lambda = 0.04975 / 1.4975;
        double v0 = 0.9 * 0.015 + 0.5 * lambda * (0.6 + 0.1 * 2.985);
        double v1 = 0.9 * 0.02 + 0.5 * lambda * (0.8 + 0.1 * 3.98);
        assertThat(p2[0]).isCloseTo(2.985 - v0, within(1e-15));
        assertThat(p2[1]).isCloseTo(3.98 - v1, within(1e-15));
    }

    @Test
    void layerUpdateSizeIsTrustTimesWeightNormWhateverTheGradientScale() {
        // the paper's point (section 3): ||dw|| = lr * eta * ||w|| per layer, independent of ||g||
        Map<String, Object> plain = Map.of("lr", 2.0, "momentum", 0.0, "trust_coefficient", 0.001);
        double[] w = {3, 4, -1, 2, 2};
        Stepper run = new Stepper(new Lars(), plain, w, 2, 3);
        double[] p = run.step(1e-4, -3e-4, 2e3, 5e2, -1e3);
        double step0 = Math.hypot(p[0] - w[0], p[1] - w[1]);
        double step1 = Math.sqrt(Math.pow(p[2] - w[2], 2) + Math.pow(p[3] - w[3], 2) + Math.pow(p[4] - w[4], 2));
        assertThat(step0).isCloseTo(2.0 * 0.001 * 5, within(1e-15));
        assertThat(step1).isCloseTo(2.0 * 0.001 * 3, within(1e-15));
    }

    @Test
    void aZeroLayerStillMovesWithTheGlobalRate() {
        Stepper run = new Stepper(new Lars(), Map.of("lr", 0.1, "momentum", 0.0), new double[] {0, 0}, 2);
        assertThat(run.step(1, -2)).containsExactly(-0.1, 0.2);
    }
}
