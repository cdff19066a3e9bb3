package io.adalab.plugin.problems.analytic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.adalab.api.DType;
import io.adalab.api.ObjectiveFunction;
import io.adalab.api.Vec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoisyQuadraticObjectiveTest {
    private final NoisyQuadraticObjective noisy = new NoisyQuadraticObjective();
    private final QuadraticObjective exact = new QuadraticObjective();

    private ObjectiveFunction noisy(double std, long seed) {
        return noisy.create(noisy.schema().resolve(Map.of("noise_std", std)), seed);
    }

    private static double[][] gradients(ObjectiveFunction f, int calls) {
        double[][] out = new double[calls][];
        Vec x = Vec.zeros(DType.FLOAT64, f.dimension());
        f.initialPoint(x);
        for (int k = 0; k < calls; k++) {
            Vec g = Vec.zeros(DType.FLOAT64, f.dimension());
            f.lossAndGradient(x, g);
            out[k] = g.toDoubleArray();
        }
        return out;
    }

    @Test
    void sameSeedGivesTheSameNoiseSequence() {
        assertThat(gradients(noisy(0.5, 9), 5)).isDeepEqualTo(gradients(noisy(0.5, 9), 5));
        assertThat(gradients(noisy(0.5, 9), 1)[0]).isNotEqualTo(gradients(noisy(0.5, 10), 1)[0]);
    }

    @Test
    void noiseHasTheRequestedSpreadAroundTheExactGradientAndTheLossIsExact() {
        ObjectiveFunction f = noisy(2.0, 4);
        ObjectiveFunction q = exact.create(exact.schema().resolve(Map.of()), 4);
        Vec x = Vec.zeros(DType.FLOAT64, 10);
        q.initialPoint(x);
        Vec gq = Vec.zeros(DType.FLOAT64, 10);
        double loss = q.lossAndGradient(x, gq);
        double sum = 0;
        double sumSq = 0;
        int count = 0;
        for (int k = 0; k < 2000; k++) {
            Vec g = Vec.zeros(DType.FLOAT64, 10);
            assertThat(f.lossAndGradient(x, g)).isEqualTo(loss);
            for (int i = 0; i < 10; i++) {
                double e = g.get(i) - gq.get(i);
                sum += e;
                sumSq += e * e;
                count++;
            }
        }
        assertThat(sum / count).isCloseTo(0, within(0.1));
        assertThat(Math.sqrt(sumSq / count)).isCloseTo(2.0, within(0.1));
        assertThat(f.minimumValue()).isEqualTo(q.minimumValue());
    }

    @Test
    void zeroNoiseIsThePlainQuadratic() {
        ObjectiveFunction q = exact.create(exact.schema().resolve(Map.of()), 6);
        assertThat(gradients(noisy(0, 6), 2)).isDeepEqualTo(gradients(q, 2));
    }
}
