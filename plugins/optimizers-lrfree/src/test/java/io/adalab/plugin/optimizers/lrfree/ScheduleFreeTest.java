package io.adalab.plugin.optimizers.lrfree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.adalab.api.DType;
import io.adalab.api.Vec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Schedule-Free's evaluation point is the paper's average x_t of the base iterates z (Eq. 2), while
 * the parameters hold y_t = (1 - beta) z_t + beta x_t (Eq. 1).
 */
class ScheduleFreeTest {

    @Test
    void sgdEvaluationPointIsTheUniformAverageOfTheIteratesWithDefaultWeights() {
        Quadratic q = new Quadratic(new ScheduleFreeSgd(), Map.of(), 6, 0.3);
        checkAverage(q, 0.9, 50, k -> 1.0);
    }

    @Test
    void sgdEvaluationPointWeightsTheIteratesByTheWarmedUpLearningRateSquared() {
        Quadratic q = new Quadratic(new ScheduleFreeSgd(), Map.of("warmup_steps", 10), 6, 0.3);
        // c_k = lr_max_k^2 / sum: the weight of z_k is (lr min(1, k/10))^2.
        checkAverage(q, 0.9, 40, k -> Math.pow(0.3 * Math.min(1.0, k / 10.0), 2));
    }

    @Test
    void adamwEvaluationPointIsThePolynomiallyWeightedAverageOfTheIterates() {
        Quadratic q = new Quadratic(new ScheduleFreeAdamW(), Map.of("r", 1.0, "beta1", 0.95), 6, 0.01);
        checkAverage(q, 0.95, 40, k -> k * Math.pow(0.01, 2));
    }

    @Test
    void evaluationPointDoesNotChangeTheBuffers() {
        Quadratic q = new Quadratic(new ScheduleFreeSgd(), Map.of(), 6, 0.3);
        q.step();
        q.step();
        double[] y = q.buffers.params().toDoubleArray();
        double[] z = q.buffers.slot(ScheduleFreeSgd.Z).toDoubleArray();

        q.rule.evaluationPoint(q.buffers, Vec.zeros(DType.FLOAT64, 6));

        assertThat(q.buffers.params().toDoubleArray()).containsExactly(y);
        assertThat(q.buffers.slot(ScheduleFreeSgd.Z).toDoubleArray()).containsExactly(z);
    }

    /** Steps {@code steps} times; after each, x must be the {@code weight}-weighted mean of z_1..z_k and y = (1-beta) z + beta x. */
    private static void checkAverage(Quadratic q, double beta, int steps, java.util.function.IntToDoubleFunction weight) {
        int n = q.center.length;
        double[] weighted = new double[n];
        double total = 0;
        Vec x = Vec.zeros(DType.FLOAT64, n);
        q.rule.evaluationPoint(q.buffers, x);
        assertThat(x.toDoubleArray()).containsExactly(q.buffers.params().toDoubleArray());
        for (int k = 1; k <= steps; k++) {
            q.step();
            Vec z = q.buffers.slot(ScheduleFreeSgd.Z);
            double w = weight.applyAsDouble(k);
            total += w;
            for (int i = 0; i < n; i++) {
                weighted[i] += w * z.get(i);
            }
            q.rule.evaluationPoint(q.buffers, x);
            for (int i = 0; i < n; i++) {
                double mean = weighted[i] / total;
                assertThat(x.get(i)).as("x[%d] after step %d", i, k).isCloseTo(mean, within(1e-12 * (1 + Math.abs(mean))));
                double y = (1 - beta) * z.get(i) + beta * x.get(i);
                assertThat(q.buffers.params().get(i)).as("y[%d] after step %d", i, k).isCloseTo(y, within(1e-12 * (1 + Math.abs(y))));
            }
        }
    }
}
