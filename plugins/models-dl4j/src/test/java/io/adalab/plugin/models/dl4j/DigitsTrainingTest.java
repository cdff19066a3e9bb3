package io.adalab.plugin.models.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.adalab.api.Batch;
import io.adalab.api.DType;
import io.adalab.api.Dataset;
import io.adalab.api.DatasetContext;
import io.adalab.api.Evaluation;
import io.adalab.api.ModelFactory;
import io.adalab.api.TrainableModel;
import io.adalab.api.Vec;
import io.adalab.plugin.datasets.builtin.DigitsDataset;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Plain full-batch gradient descent through the TrainableModel interface, as the trainer drives it. */
class DigitsTrainingTest {

    static Stream<Arguments> models() {
        return Stream.of(
            Arguments.of("logreg", new LogisticRegressionFactory(), Map.of()),
            Arguments.of("mlp", new MlpFactory(), Map.of("hidden", List.of(32))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void gradientDescentLowersTheLossAndBeatsChance(String name, ModelFactory factory, Map<String, ?> values)
        throws Exception {
        DigitsDataset digits = new DigitsDataset();
        try (Dataset data = digits.open(digits.schema().resolve(Map.of()),
            new DatasetContext(0, Path.of("."), DType.FLOAT32))) {
            TrainableModel model = factory.create(data.shape(), factory.schema().resolve(values), DType.FLOAT32, 1);
            Vec p = Vec.zeros(DType.FLOAT32, model.parameterCount());
            Vec g = Vec.zeros(DType.FLOAT32, model.parameterCount());
            model.initialParameters(p);
            Batch all = data.train(Integer.MAX_VALUE, 0).next();
            double first = model.lossAndGradient(p, all, g);
            double last = first;
            for (int step = 0; step < 40; step++) {
                for (int i = 0; i < p.length(); i++) {
                    p.set(i, p.get(i) - 0.5 * g.get(i));
                }
                last = model.lossAndGradient(p, all, g);
            }
            Evaluation test = Evaluation.EMPTY;
            for (Iterator<Batch> it = data.test(100); it.hasNext(); ) {
                test = test.plus(model.evaluate(p, it.next()));
            }
            assertThat(last).as(name).isLessThan(0.5 * first);
            assertThat(test.count()).isEqualTo(data.testSize());
            assertThat(test.accuracy()).as(name).isGreaterThan(0.6);
            assertThat(test.meanLoss()).as(name).isLessThan(first);
        }
    }
}
