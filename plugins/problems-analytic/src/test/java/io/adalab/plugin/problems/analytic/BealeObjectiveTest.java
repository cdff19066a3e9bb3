package io.adalab.plugin.problems.analytic;

import static org.assertj.core.api.Assertions.assertThat;

import io.adalab.api.DType;
import io.adalab.api.ObjectiveFunction;
import io.adalab.api.Vec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BealeObjectiveTest {
    private final BealeObjective objective = new BealeObjective();
    private final ObjectiveFunction f = objective.create(objective.schema().resolve(Map.of()), 0);

    @Test
    void gradientMatchesCentralFiniteDifferences() {
        for (double[] x : new double[][] {{1, 1.5}, {-2.0, 0.7}, {3.5, -1.2}}) {
            Vec g = Vec.zeros(DType.FLOAT64, 2);
            f.lossAndGradient(Vec.of(x.clone()), g);
            assertThat(FiniteDifferences.maxRelativeError(g.toDoubleArray(), FiniteDifferences.gradient(f, x, 1e-6)))
                .isLessThan(1e-6);
        }
    }

    @Test
    void minimumIsZeroAtThreeAndAHalfWithZeroGradient() {
        Vec g = Vec.zeros(DType.FLOAT64, 2);
        assertThat(f.lossAndGradient(Vec.of(new double[] {3, 0.5}), g)).isZero();
        assertThat(g.norm()).isZero();
        assertThat(f.minimumValue()).contains(0.0);
    }

    @Test
    void defaultStartIsOneAndOneAndAHalf() {
        Vec x = Vec.zeros(DType.FLOAT64, 2);
        f.initialPoint(x);
        assertThat(x.toDoubleArray()).containsExactly(1.0, 1.5);
        assertThat(f.lossAndGradient(x, Vec.zeros(DType.FLOAT64, 2))).isEqualTo(41.25);
    }
}
