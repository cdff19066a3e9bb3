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
import io.adalab.plugin.datasets.builtin.TextDataset;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The language models on the corpus the text dataset ships: a few dozen Adam steps bring the
 * validation perplexity per character far below its start, where a model knows nothing and
 * perplexity is about the vocabulary size.
 */
class LanguageModelTrainingTest {
    static Stream<Arguments> models() {
        return Stream.of(
            Arguments.of("char_lstm", new CharLstmFactory(),
                Map.of("embedding", 16, "hidden", 64, "layers", 1, "tbptt_length", 16), 1e-2),
            Arguments.of("tiny_transformer", new TinyTransformerFactory(), Map.of("width", 32, "heads", 2, "blocks", 1),
                3e-3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void validationPerplexityFallsOnTheShippedCorpus(String name, ModelFactory factory, Map<String, ?> values, double lr)
        throws Exception {
        TextDataset text = new TextDataset();
        try (Dataset data = text.open(text.schema().resolve(Map.of("seq_length", 32, "limit_chars", 40_000)),
            new DatasetContext(0, Path.of("."), DType.FLOAT32))) {
            TrainableModel model = factory.create(data.shape(), factory.schema().resolve(values), DType.FLOAT32, 5);
            Vec p = Vec.zeros(DType.FLOAT32, model.parameterCount());
            Vec g = Vec.zeros(DType.FLOAT32, model.parameterCount());
            model.initialParameters(p);
            double before = perplexity(model, p, data);
            TestAdam adam = new TestAdam(lr, p.length());
            int steps = 0;
            for (Iterator<Batch> it = data.train(16, 1); it.hasNext() && steps < 60; steps++) {
                model.lossAndGradient(p, it.next(), g);
                adam.step(p, g);
            }
            double after = perplexity(model, p, data);
            assertThat(before).as(name).isBetween(0.5 * data.shape().outputs(), 2.0 * data.shape().outputs());
            assertThat(after).as(name).isLessThan(0.5 * before);
        }
    }

    private static double perplexity(TrainableModel model, Vec p, Dataset data) {
        Evaluation e = Evaluation.EMPTY;
        for (Iterator<Batch> it = data.test(64); it.hasNext(); ) {
            e = e.plus(model.evaluate(p, it.next()));
        }
        assertThat(e.count()).isEqualTo(4000 - 1); // every validation character but the first is predicted once
        return Math.exp(e.meanLoss());
    }
}
