package io.adalab.plugin.optimizers.lrfree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** D-Adaptation's estimate d grows monotonically from d0 towards the distance to the optimum. */
class DAdaptationTest {

    @Test
    void sgdEstimateGrowsMonotonicallyToTheDistanceToTheOptimumWithoutExceedingIt() {
        Quadratic q = new Quadratic(new DAdaptSgd(), Map.of("lr", 0.5), 10, 0.5);
        double distance = q.distance();
        double[] d = estimates(q, DAdaptSgd.D, 300);

        assertMonotone(d);
        assertThat(d[0]).isEqualTo(1e-6);
        // The paper's lower-bound property: d_k <= ||x0 - x*|| on a convex problem.
        assertThat(java.util.Arrays.stream(d).max().orElseThrow()).isLessThanOrEqualTo(distance);
        assertThat(d[d.length - 1]).isGreaterThan(0.8 * distance);
        assertThat(q.loss(q.buffers.params())).isLessThan(1e-12);
    }

    @Test
    void adamEstimateGrowsMonotonicallyToTheScaleOfTheDistanceToTheOptimum() {
        Quadratic q = new Quadratic(new DAdaptAdam(), Map.of(), 10, 1.0);
        double distance = q.distance();
        double[] d = estimates(q, DAdaptAdam.D, 300);

        assertMonotone(d);
        assertThat(d[d.length - 1]).isBetween(distance / 10, distance);
        assertThat(q.loss(q.buffers.params())).isLessThan(1e-6);
    }

    @Test
    void prodigyEstimateGrowsMonotonicallyToTheScaleOfTheDistanceToTheOptimum() {
        Quadratic q = new Quadratic(new Prodigy(), Map.of(), 10, 1.0);
        double distance = q.distance();
        double[] d = estimates(q, Prodigy.D, 300);

        assertMonotone(d);
        assertThat(d[d.length - 1]).isBetween(distance / 10, distance);
        assertThat(q.loss(q.buffers.params())).isLessThan(1e-6);
    }

    @Test
    void aGrowthRateCapsHowFastTheEstimateGrows() {
        Quadratic q = new Quadratic(new DAdaptSgd(), Map.of("lr", 0.5, "growth_rate", 1.02), 10, 0.5);
        double[] d = estimates(q, DAdaptSgd.D, 100);

        for (int k = 1; k < d.length; k++) {
            assertThat(d[k]).isLessThanOrEqualTo(d[k - 1] * 1.02);
        }
    }

    /** d before step 1 and after each of {@code steps} steps. */
    private static double[] estimates(Quadratic q, int index, int steps) {
        double[] d = new double[steps + 1];
        d[0] = q.buffers.scalars()[index];
        for (int k = 1; k <= steps; k++) {
            q.step();
            d[k] = q.buffers.scalars()[index];
        }
        return d;
    }

    private static void assertMonotone(double[] d) {
        for (int k = 1; k < d.length; k++) {
            assertThat(d[k]).as("d after step %d", k).isGreaterThanOrEqualTo(d[k - 1]);
        }
        assertThat(d[d.length - 1]).isGreaterThan(1e5 * d[0]);
    }

}
