package io.adalab.plugin.datasets.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adalab.api.DType;
import io.adalab.api.HyperparameterException;
import io.adalab.api.DatasetContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyntheticDatasetTest {
    private final SyntheticDataset synthetic = new SyntheticDataset();

    private TableDataset open(Map<String, ?> values, long runSeed) {
        return (TableDataset) synthetic.open(synthetic.schema().resolve(values),
            new DatasetContext(runSeed, Path.of("."), DType.FLOAT64));
    }

    @Test
    void generatesTheRequestedSizeWithBalancedClasses() {
        TableDataset d = open(Map.of("n_samples", 300, "n_features", 5, "n_classes", 4), 0);
        assertThat(d.shape().features()).containsExactly(5);
        assertThat(d.shape().outputs()).isEqualTo(4);
        assertThat(d.table().classCounts()).containsExactly(75, 75, 75, 75);
        assertThat(d.trainSize()).isEqualTo(240);
        assertThat(d.testSize()).isEqualTo(60);
    }

    @Test
    void theDataDependOnTheDataSeedAndNotOnTheRunSeed() {
        assertThat(open(Map.of(), 1).table().x()).containsExactly(open(Map.of(), 2).table().x());
        assertThat(open(Map.of("data_seed", 3), 1).table().x()).isNotEqualTo(open(Map.of(), 1).table().x());
    }

    @Test
    void wellSeparatedBlobsLieCloseToTheirClassMean() {
        TableDataset d = open(Map.of("n_samples", 200, "n_features", 3, "n_classes", 2, "class_sep", 10.0,
            "noise", 0.1), 0);
        double[] x = d.table().x();
        // examples 0 and 2 share class 0, example 1 is class 1
        double same = Math.abs(x[0] - x[6]) + Math.abs(x[1] - x[7]) + Math.abs(x[2] - x[8]);
        double other = Math.abs(x[0] - x[3]) + Math.abs(x[1] - x[4]) + Math.abs(x[2] - x[5]);
        assertThat(same).isLessThan(2);
        assertThat(other).isGreaterThan(same);
    }

    @Test
    void tooLargeATableIsRefusedNamingTheField() {
        assertThatThrownBy(() -> open(Map.of("n_samples", 10_000_000, "n_features", 100), 0))
            .isInstanceOfSatisfying(HyperparameterException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("n_samples"));
    }
}
