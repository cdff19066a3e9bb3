package io.adalab.plugin.problems.analytic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.adalab.api.DType;
import io.adalab.api.HyperparameterException;
import io.adalab.api.ObjectiveFunction;
import io.adalab.api.Vec;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuadraticObjectiveTest {
    private final QuadraticObjective objective = new QuadraticObjective();

    private QuadraticProblem problem(Map<String, ?> values, long seed) {
        return (QuadraticProblem) objective.create(objective.schema().resolve(values), seed);
    }

    @Test
    void gradientMatchesCentralFiniteDifferences() {
        QuadraticProblem f = problem(Map.of(), 7);
        double[] x = new double[10];
        f.initialPoint(Vec.of(x));
        Vec g = Vec.zeros(DType.FLOAT64, 10);
        f.lossAndGradient(Vec.of(x.clone()), g);
        assertThat(FiniteDifferences.maxRelativeError(g.toDoubleArray(), FiniteDifferences.gradient(f, x, 1e-5)))
            .isLessThan(1e-6);
    }

    @Test
    void minimizerHasZeroGradientAndTheKnownMinimumValue() {
        QuadraticProblem f = problem(Map.of(), 3);
        Vec g = Vec.zeros(DType.FLOAT64, 10);
        double fStar = f.lossAndGradient(Vec.of(f.minimizer()), g);
        assertThat(g.norm()).isLessThan(1e-9);
        assertThat(f.minimumValue()).hasValueSatisfying(v -> assertThat(v).isCloseTo(fStar, within(1e-10)));
        Vec x0 = Vec.zeros(DType.FLOAT64, 10);
        f.initialPoint(x0);
        assertThat(f.lossAndGradient(x0, g)).isGreaterThan(fStar);
    }

    @Test
    void matrixIsSymmetricWithTheRequestedSpectrum() {
        QuadraticProblem f = problem(Map.of("n", 5, "condition", 10000.0), 1);
        double trace = 0;
        double frobenius2 = 0;
        for (int i = 0; i < 5; i++) {
            trace += f.a(i, i);
            for (int j = 0; j < 5; j++) {
                assertThat(f.a(i, j)).isEqualTo(f.a(j, i));
                frobenius2 += f.a(i, j) * f.a(i, j);
            }
        }
        double[] lambda = {1, 10, 100, 1000, 10000};
        double sum = 0;
        double sumSq = 0;
        for (double l : lambda) {
            sum += l;
            sumSq += l * l;
        }
        assertThat(trace).isCloseTo(sum, within(1e-9 * sum));
        assertThat(frobenius2).isCloseTo(sumSq, within(1e-9 * sumSq));
    }

    @Test
    void withoutRotationTheMatrixIsDiagonalAndBAndStartAreUnchanged() {
        QuadraticProblem rotated = problem(Map.of("n", 4, "condition", 8.0), 5);
        QuadraticProblem plain = problem(Map.of("n", 4, "condition", 8.0, "rotate", false), 5);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertThat(plain.a(i, j)).isEqualTo(i == j ? Math.pow(8, i / 3.0) : 0.0);
            }
        }
        Vec a = Vec.zeros(DType.FLOAT64, 4);
        Vec b = Vec.zeros(DType.FLOAT64, 4);
        rotated.initialPoint(a);
        plain.initialPoint(b);
        assertThat(a.toDoubleArray()).containsExactly(b.toDoubleArray());
    }

    @Test
    void sameSeedGivesTheSameProblemAndAnotherSeedAnother() {
        assertThat(problem(Map.of(), 11).minimizer()).containsExactly(problem(Map.of(), 11).minimizer());
        assertThat(problem(Map.of(), 11).minimizer()).isNotEqualTo(problem(Map.of(), 12).minimizer());
    }

    @Test
    void randomOrthogonalMatrixIsOrthonormal() {
        int n = 30;
        double[] q = RandomOrthogonal.draw(n, new Random(42));
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < n; k++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += q[i * n + j] * q[i * n + k];
                }
                assertThat(dot).isCloseTo(j == k ? 1 : 0, within(1e-12));
            }
        }
    }

    @Test
    void worksOnFloat32Vectors() {
        ObjectiveFunction f = problem(Map.of(), 2);
        Vec x = Vec.zeros(DType.FLOAT32, 10);
        f.initialPoint(x);
        Vec g = Vec.zeros(DType.FLOAT32, 10);
        assertThat(f.lossAndGradient(x, g)).isFinite();
        assertThat(g.norm()).isPositive();
    }

    @Test
    void conditionBelowOneIsRejectedNamingTheField() {
        assertThatThrownBy(() -> objective.schema().resolve(Map.of("condition", 0.5)))
            .isInstanceOfSatisfying(HyperparameterException.class, e -> assertThat(e.field()).isEqualTo("condition"));
    }
}
