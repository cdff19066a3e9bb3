package io.adalab.plugin.models.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.adalab.api.Batch;
import io.adalab.api.DType;
import io.adalab.api.DataShape;
import io.adalab.api.ModelFactory;
import io.adalab.api.ParameterGroup;
import io.adalab.api.TrainableModel;
import io.adalab.api.Vec;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CNNs and language models against central finite differences of their own loss, in float64,
 * on tiny inputs, the sequences with a masked tail. Each parameter group is checked on a seeded
 * sample of {@value #PER_GROUP} coordinates (half that for large groups of models with many groups;
 * every group is visited; small groups completely).
 */
class DeepModelsGradientCheckTest {
    private static final double H = 1e-6;
    private static final int PER_GROUP = 4;

    static Stream<Arguments> models() {
        DataShape img = TinySequences.images(12); // lenet5's smallest input: 12 -> 6 -> 2 -> 1
        DataShape small = TinySequences.images(8);
        DataShape txt = TinySequences.text(6, 5);
        return Stream.of(
            Arguments.of("fmnist_2c2d", new Fmnist2c2dFactory(), Map.of(), small, TinySequences.imageBatch(small, 2, 1)),
            Arguments.of("lenet5", new LeNet5Factory(), Map.of(), img, TinySequences.imageBatch(img, 3, 2)),
            Arguments.of("mnist_mlp", new MnistMlpFactory(), Map.of(), small, TinySequences.imageBatch(small, 3, 4)),
            Arguments.of("char_lstm", new CharLstmFactory(), Map.of("embedding", 3, "hidden", 4, "layers", 2), txt,
                TinySequences.tokenBatch(txt, 3, true, 5)),
            Arguments.of("tiny_transformer", new TinyTransformerFactory(), Map.of("width", 4, "heads", 2, "blocks", 1),
                txt, TinySequences.tokenBatch(txt, 3, true, 8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void gradientMatchesCentralFiniteDifferences(String name, ModelFactory factory, Map<String, ?> values,
                                                 DataShape shape, Batch batch) {
        TrainableModel model = factory.create(shape, factory.schema().resolve(values), DType.FLOAT64, 11);
        int n = model.parameterCount();
        Vec p = Vec.zeros(DType.FLOAT64, n);
        model.initialParameters(p);
        // move off the initial point (equal biases, zero-initialised gains) to a generic one
        Random rng = new Random(3);
        for (int i = 0; i < n; i++) {
            p.set(i, p.get(i) + 0.01 * rng.nextGaussian());
        }
        Vec g = Vec.zeros(DType.FLOAT64, n);
        model.lossAndGradient(p, batch, g);
        double[] analytic = g.toDoubleArray();
        Vec scratch = Vec.zeros(DType.FLOAT64, n);
        double worst = 0;
        int checked = 0;
        for (ParameterGroup group : model.groups()) {
            int samples = group.length() > PER_GROUP && model.groups().size() > 12 ? PER_GROUP / 2 : PER_GROUP;
            for (int k = 0; k < Math.min(samples, group.length()); k++) {
                int i = group.length() <= samples ? group.offset() + k : group.offset() + rng.nextInt(group.length());
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
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(model.groups().size());
        assertThat(worst).as(name).isLessThan(1e-5);
    }
}
