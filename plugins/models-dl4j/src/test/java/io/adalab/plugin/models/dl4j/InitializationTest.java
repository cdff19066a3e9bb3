package io.adalab.plugin.models.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.adalab.api.DType;
import io.adalab.api.DataShape;
import io.adalab.api.ModelFactory;
import io.adalab.api.ParameterGroup;
import io.adalab.api.Task;
import io.adalab.api.TrainableModel;
import io.adalab.api.Vec;
import io.adalab.api.dl4j.Dl4jModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class InitializationTest {
    private static final DataShape DIGITS = new DataShape(new long[] {64}, 10, Task.CLASSIFICATION, List.of());
    private final MlpFactory mlp = new MlpFactory();

    private static double[] initial(ModelFactory f, Map<String, ?> values, DType dtype, long seed) {
        TrainableModel m = f.create(DIGITS, f.schema().resolve(values), dtype, seed);
        Vec p = Vec.zeros(dtype, m.parameterCount());
        m.initialParameters(p);
        return p.toDoubleArray();
    }

    @Test
    void aFixedSeedGivesIdenticalInitialParameters() {
        assertThat(initial(mlp, Map.of(), DType.FLOAT32, 42)).containsExactly(initial(mlp, Map.of(), DType.FLOAT32, 42));
        assertThat(initial(mlp, Map.of(), DType.FLOAT64, 42)).containsExactly(initial(mlp, Map.of(), DType.FLOAT64, 42));
    }

    @Test
    void anotherSeedGivesOtherInitialParameters() {
        assertThat(initial(mlp, Map.of(), DType.FLOAT32, 1)).isNotEqualTo(initial(mlp, Map.of(), DType.FLOAT32, 2));
    }

    @Test
    void defaultMlpHasOneHiddenLayerOfSixtyFourInTheRequestedPrecision() {
        Dl4jModel m = (Dl4jModel) mlp.create(DIGITS, mlp.schema().resolve(Map.of()), DType.FLOAT64, 0);
        assertThat(m.groups()).extracting(ParameterGroup::name).containsExactly("0_W", "0_b", "1_W", "1_b");
        assertThat(m.parameterCount()).isEqualTo(64 * 64 + 64 + 64 * 10 + 10);
        assertThat(m.dtype()).isEqualTo(DType.FLOAT64);
        assertThat(m.network().params().dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(((Dl4jModel) mlp.create(DIGITS, mlp.schema().resolve(Map.of()), DType.FLOAT32, 0)).network()
            .params().dataType()).isEqualTo(DataType.FLOAT);
    }

    @Test
    void logregStartsAtZeroByDefaultWithOneWeightPerFeatureAndClass() {
        LogisticRegressionFactory logreg = new LogisticRegressionFactory();
        double[] p = initial(logreg, Map.of(), DType.FLOAT64, 7);
        assertThat(p).hasSize(64 * 10 + 10).containsOnly(0.0);
    }

    @Test
    void heInitialisationHasVarianceTwoOverFanIn() {
        double[] p = initial(mlp, Map.of("hidden", List.of(512), "weight_init", "he"), DType.FLOAT64, 3);
        double ss = 0;
        for (int i = 0; i < 64 * 512; i++) {
            ss += p[i] * p[i];
        }
        assertThat(ss / (64 * 512)).isBetween(0.9 * 2 / 64.0, 1.1 * 2 / 64.0);
    }
}
