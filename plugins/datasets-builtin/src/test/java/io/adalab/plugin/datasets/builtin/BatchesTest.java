package io.adalab.plugin.datasets.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import io.adalab.api.Batch;
import io.adalab.api.DType;
import io.adalab.api.Dataset;
import io.adalab.api.DatasetContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class BatchesTest {
    private final IrisDataset iris = new IrisDataset();

    private Dataset open(DType dtype) throws Exception {
        return iris.open(iris.schema().resolve(Map.of()), new DatasetContext(0, Path.of("."), dtype));
    }

    private static List<Batch> all(Iterator<Batch> it) {
        List<Batch> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void anEpochHasFullBatchesAndAPartialLastOne() throws Exception {
        List<Batch> epoch = all(open(DType.FLOAT32).train(32, 7));
        assertThat(epoch).extracting(Batch::size).containsExactly(32, 32, 32, 24);
        Batch first = epoch.get(0);
        assertThat(first.features().shape()).containsExactly(32, 4);
        assertThat(first.labels().shape()).containsExactly(32, 3);
        assertThat(first.features().dataType()).isEqualTo(DataType.FLOAT);
        assertThat(first.labels().sum(1).toDoubleVector()).containsOnly(1.0);
    }

    @Test
    void float64RunsGetDoubleArrays() throws Exception {
        Batch b = open(DType.FLOAT64).test(8).next();
        assertThat(b.features().dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(b.labels().dataType()).isEqualTo(DataType.DOUBLE);
    }

    @Test
    void theSameShuffleSeedGivesTheSameOrderAndAnotherSeedAnother() throws Exception {
        Dataset d = open(DType.FLOAT64);
        Batch a = d.train(120, 3).next();
        Batch b = d.train(120, 3).next();
        Batch c = d.train(120, 4).next();
        assertThat(a.features()).isEqualTo(b.features());
        assertThat(a.features()).isNotEqualTo(c.features());
        // a permutation of the same examples: column sums agree
        assertThat(a.features().sum(0).toDoubleVector())
            .usingComparatorWithPrecision(1e-9).containsExactly(c.features().sum(0).toDoubleVector());
        assertThat(a.labels().sum(0).toDoubleVector()).containsExactly(40.0, 40.0, 40.0);
    }

    @Test
    void theTestSplitComesInFileOrderEveryTime() throws Exception {
        TableDataset d = (TableDataset) open(DType.FLOAT64);
        List<Batch> first = all(d.test(7));
        List<Batch> second = all(d.test(7));
        assertThat(first).hasSize(5);
        for (int i = 0; i < first.size(); i++) {
            assertThat(first.get(i).features()).isEqualTo(second.get(i).features());
        }
        int row = d.split().test()[0];
        assertThat(first.get(0).features().getRow(0).toDoubleVector())
            .containsExactly(java.util.Arrays.copyOfRange(d.table().x(), row * 4, row * 4 + 4));
    }
}
