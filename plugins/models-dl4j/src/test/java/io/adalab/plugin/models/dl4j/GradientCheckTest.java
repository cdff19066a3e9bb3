package io.adalab.plugin.models.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.adalab.api.Batch;
import io.adalab.api.DType;
import io.adalab.api.DataShape;
import io.adalab.api.ModelFactory;
import io.adalab.api.TrainableModel;
import io.adalab.api.Vec;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Dl4jModel.lossAndGradient against central finite differences of its own loss, in float64. */
class GradientCheckTest {
    private static final double H = 1e-6;

    static Stream<Arguments> models() {
        Stream<Arguments> fixed = Stream.of(
            Arguments.of("logreg xavier", new LogisticRegressionFactory(), Map.of("weight_init", "xavier"),
                TinyData.CLASSES),
            Arguments.of("logreg regression", new LogisticRegressionFactory(), Map.of("weight_init", "lecun"),
                TinyData.TARGETS),
            Arguments.of("mlp regression", new MlpFactory(), Map.of("hidden", List.of(4), "activation", "tanh"),
                TinyData.TARGETS));
        Stream<Arguments> activations = Stream.of(HiddenActivation.choices()).map(a -> Arguments.of(
            "mlp " + a, new MlpFactory(), Map.of("hidden", List.of(5, 4), "activation", a), TinyData.CLASSES));
        return Stream.concat(fixed, activations);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void gradientMatchesCentralFiniteDifferences(String name, ModelFactory factory, Map<String, ?> values,
                                                 DataShape shape) {
        TrainableModel model = factory.create(shape, factory.schema().resolve(values), DType.FLOAT64, 3);
        Batch batch = TinyData.batch(shape, 5);
        int n = model.parameterCount();
        Vec p = Vec.zeros(DType.FLOAT64, n);
        model.initialParameters(p);
        Vec g = Vec.zeros(DType.FLOAT64, n);
        model.lossAndGradient(p, batch, g);
        double[] analytic = g.toDoubleArray();
        Vec scratch = Vec.zeros(DType.FLOAT64, n);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double original = p.get(i);
            p.set(i, original + H);
            double up = model.lossAndGradient(p, batch, scratch);
            p.set(i, original - H);
            double down = model.lossAndGradient(p, batch, scratch);
            p.set(i, original);
            double numeric = (up - down) / (2 * H);
            double diff = Math.abs(analytic[i] - numeric);
            if (diff > 1e-9) { // both ~0: relative error meaningless
                worst = Math.max(worst, diff / (Math.abs(analytic[i]) + Math.abs(numeric)));
            }
        }
        assertThat(worst).as(name).isLessThan(1e-5);
    }
}
