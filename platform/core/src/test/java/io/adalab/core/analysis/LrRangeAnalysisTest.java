package io.adalab.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LrRangeAnalysisTest {
    /** lr from 1e-6 to 1 over n steps; loss falls like a logistic in log10(lr) centred at 1e-3, then explodes past 1e-1. */
    private static double[][] curve(int n) {
        double[] lr = new double[n];
        double[] loss = new double[n];
        for (int i = 0; i < n; i++) {
            lr[i] = 1e-6 * Math.pow(1e6, i / (double) (n - 1));
            double u = Math.log10(lr[i]);
            loss[i] = 1 + 1 / (1 + Math.exp(3 * (u + 3))) + (u > -1 ? Math.pow(10, 4 * (u + 1)) - 1 : 0);
        }
        return new double[][] {lr, loss};
    }

    @Test
    void theSteepestDescentSitsWhereTheLossFallsFastest() {
        double[][] c = curve(200);
        LrRangeAnalysis.Result r = LrRangeAnalysis.analyse(c[0], c[1], 0.0, 4);
        assertThat(Math.log10(r.steepest())).isBetween(-3.2, -2.8);
        assertThat(r.minLossOverTen()).isEqualTo(r.minLossLr() / 10);
        assertThat(Math.log10(r.minLossLr())).isBetween(-2.0, -0.9);
    }

    @Test
    void theCurveIsCutWhereTheLossExplodes() {
        double[][] c = curve(200);
        c[1][150] = Double.NaN;
        LrRangeAnalysis.Result r = LrRangeAnalysis.analyse(c[0], c[1], 0.9, 4);
        assertThat(r.lr()).hasSizeLessThanOrEqualTo(150);
        assertThat(r.lr()[r.lr().length - 1]).isLessThan(c[0][150]);
    }

    @Test
    void smoothingIsBiasCorrectedSoTheFirstPointIsTheFirstLoss() {
        double[][] c = curve(100);
        LrRangeAnalysis.Result r = LrRangeAnalysis.analyse(c[0], c[1], 0.98, 4);
        assertThat(r.smoothed()[0]).isCloseTo(c[1][0], org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aTestThatBlowsUpAtOnceSaysWhatToChange() {
        assertThatThrownBy(() -> LrRangeAnalysis.analyse(new double[] {1, 2, 3}, new double[] {1, Double.NaN, 3}, 0.9, 4))
            .hasMessageContaining("lower min_lr");
    }
}
