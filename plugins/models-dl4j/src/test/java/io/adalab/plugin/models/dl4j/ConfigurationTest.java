package io.adalab.plugin.models.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adalab.api.Batch;
import io.adalab.api.DType;
import io.adalab.api.DataShape;
import io.adalab.api.HyperparameterException;
import io.adalab.api.Task;
import io.adalab.api.Vec;
import io.adalab.api.dl4j.Dl4jModel;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.junit.jupiter.api.Test;

class ConfigurationTest {
    private static final DataShape FLAT = new DataShape(new long[] {8}, 3, Task.CLASSIFICATION, List.of());
    private final MlpFactory mlp = new MlpFactory();

    private Layer layer(Dl4jModel m, int i) {
        return m.network().getLayerWiseConfigurations().getConf(i).getLayer();
    }

    @Test
    void dropoutProbabilityBecomesDl4jRetainProbabilityAfterEveryHiddenLayer() {
        Dl4jModel m = (Dl4jModel) mlp.create(FLAT, mlp.schema().resolve(Map.of("hidden", List.of(6, 5),
            "dropout", 0.25)), DType.FLOAT32, 0);
        assertThat(layer(m, 0).getIDropout()).isNull();
        assertThat(((Dropout) layer(m, 1).getIDropout()).getP()).isEqualTo(0.75);
        assertThat(((Dropout) layer(m, 2).getIDropout()).getP()).isEqualTo(0.75);
    }

    @Test
    void dropoutIsRandomInTrainingAndOffInEvaluation() {
        Dl4jModel m = (Dl4jModel) mlp.create(TinyData.CLASSES, mlp.schema().resolve(Map.of("hidden", List.of(50, 50),
            "dropout", 0.5)), DType.FLOAT64, 0);
        Vec p = Vec.zeros(DType.FLOAT64, m.parameterCount());
        m.initialParameters(p);
        Vec g = Vec.zeros(DType.FLOAT64, m.parameterCount());
        Batch batch = TinyData.batch(TinyData.CLASSES, 1);
        assertThat(m.lossAndGradient(p, batch, g)).isNotEqualTo(m.lossAndGradient(p, batch, g));
        assertThat(m.evaluate(p, batch)).isEqualTo(m.evaluate(p, batch));
    }

    @Test
    void noRegularisationIsConfigured() {
        Dl4jModel m = (Dl4jModel) mlp.create(FLAT, mlp.schema().resolve(Map.of()), DType.FLOAT32, 0);
        for (int i = 0; i < 2; i++) {
            BaseLayer l = (BaseLayer) layer(m, i);
            assertThat(l.getRegularization()).isEmpty();
            assertThat(l.getRegularizationBias()).isEmpty();
        }
    }

    @Test
    void languageModelsAreRefusedNamingTheTask() {
        DataShape lm = new DataShape(new long[] {8}, 100, Task.LANGUAGE_MODEL, List.of());
        assertThatThrownBy(() -> mlp.create(lm, mlp.schema().resolve(Map.of()), DType.FLOAT32, 0))
            .isInstanceOfSatisfying(HyperparameterException.class, e -> assertThat(e.field()).isEqualTo("task"));
        LogisticRegressionFactory logreg = new LogisticRegressionFactory();
        assertThatThrownBy(() -> logreg.create(lm, logreg.schema().resolve(Map.of()), DType.FLOAT32, 0))
            .isInstanceOfSatisfying(HyperparameterException.class, e -> assertThat(e.field()).isEqualTo("task"));
    }

    @Test
    void nonPositiveHiddenSizesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> mlp.schema().resolve(Map.of("hidden", List.of(8, 0))))
            .isInstanceOfSatisfying(HyperparameterException.class, e -> assertThat(e.field()).isEqualTo("hidden"));
    }

    @Test
    void dropoutOfOneIsRefused() {
        assertThatThrownBy(() -> mlp.schema().resolve(Map.of("dropout", 1.0)))
            .isInstanceOf(HyperparameterException.class);
    }

    @Test
    void imagesAreFlattenedInFrontOfTheFirstDenseLayer() {
        DataShape image = new DataShape(new long[] {1, 4, 4}, 2, Task.CLASSIFICATION, List.of());
        Dl4jModel m = (Dl4jModel) mlp.create(image, mlp.schema().resolve(Map.of("hidden", List.of(3))),
            DType.FLOAT32, 0);
        assertThat(m.groups().get(0).shape()).containsExactly(16, 3);
    }
}
