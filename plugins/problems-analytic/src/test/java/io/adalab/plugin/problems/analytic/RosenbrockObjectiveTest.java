package io.adalab.plugin.problems.analytic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.adalab.api.DType;
import io.adalab.api.ObjectiveFunction;
import io.adalab.api.Vec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RosenbrockObjectiveTest {
    private final RosenbrockObjective objective = new RosenbrockObjective();
    private final ObjectiveFunction f = objective.create(objective.schema().resolve(Map.of()), 0);

    @Test
    void defaultsStartAtTheReferencePointWhereTheLossIsTwelveAndAHalf() {
        Vec x = Vec.zeros(DType.FLOAT64, 2);
        f.initialPoint(x);
        assertThat(x.toDoubleArray()).containsExactly(-1.5, 2.0);
        assertThat(f.lossAndGradient(x, Vec.zeros(DType.FLOAT64, 2))).isEqualTo(12.5);
    }

    @Test
    void gradientMatchesCentralFiniteDifferences() {
        for (double[] x : new double[][] {{-1.5, 2.0}, {0.3, -0.7}, {1.2, 1.1}}) {
            Vec g = Vec.zeros(DType.FLOAT64, 2);
            f.lossAndGradient(Vec.of(x.clone()), g);
            assertThat(FiniteDifferences.maxRelativeError(g.toDoubleArray(), FiniteDifferences.gradient(f, x, 1e-6)))
                .isLessThan(1e-6);
        }
    }

    @Test
    void minimumIsZeroAtAAndASquaredWithZeroGradient() {
        ObjectiveFunction shifted = objective.create(objective.schema().resolve(Map.of("a", 2.0)), 0);
        Vec g = Vec.zeros(DType.FLOAT64, 2);
        assertThat(shifted.lossAndGradient(Vec.of(new double[] {2, 4}), g)).isZero();
        assertThat(g.norm()).isZero();
        assertThat(shifted.minimumValue()).contains(0.0);
    }

    @Test
    void float32VectorsGiveTheFloat64ResultRounded() {
        Vec g32 = Vec.zeros(DType.FLOAT32, 2);
        Vec g64 = Vec.zeros(DType.FLOAT64, 2);
        double l32 = f.lossAndGradient(Vec.of(new float[] {0.5f, 0.25f}), g32);
        double l64 = f.lossAndGradient(Vec.of(new double[] {0.5, 0.25}), g64);
        assertThat(l32).isEqualTo(l64);
        assertThat(g32.get(0)).isCloseTo(g64.get(0), within(1e-6));
        assertThat(g32.get(1)).isCloseTo(g64.get(1), within(1e-6));
    }
}
