package io.adalab.plugin.datasets.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import io.adalab.api.DType;
import io.adalab.api.DataShape;
import io.adalab.api.Dataset;
import io.adalab.api.DatasetContext;
import io.adalab.api.Task;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RealDatasetsTest {

    static Stream<Arguments> datasets() {
        return Stream.of(
            Arguments.of(new DigitsDataset(), 1797, 64, new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}),
            Arguments.of(new IrisDataset(), 150, 4, new int[] {50, 50, 50}),
            Arguments.of(new WineDataset(), 178, 13, new int[] {59, 71, 48}),
            Arguments.of(new BreastCancerDataset(), 569, 30, new int[] {212, 357}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void fileHasTheDocumentedSizeAndClassCounts(ShippedDatasetProvider provider, int rows, int cols, int[] counts)
        throws Exception {
        Table t = provider.read();
        assertThat(t.rows()).isEqualTo(rows);
        assertThat(t.cols()).isEqualTo(cols);
        assertThat(t.classCounts()).containsExactly(counts);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void openedDatasetDeclaresItsShapeAndSplitsTwentyPercentForTesting(ShippedDatasetProvider provider, int rows,
        int cols, int[] counts) throws Exception {
        try (Dataset d = provider.open(provider.schema().resolve(Map.of()), new DatasetContext(1, Path.of("."),
            DType.FLOAT32))) {
            DataShape shape = d.shape();
            assertThat(shape.features()).containsExactly(cols);
            assertThat(shape.outputs()).isEqualTo(counts.length);
            assertThat(shape.task()).isEqualTo(Task.CLASSIFICATION);
            assertThat(shape.classNames()).hasSize(counts.length);
            assertThat(d.testSize()).isEqualTo(Math.round(0.2 * rows));
            assertThat(d.trainSize() + d.testSize()).isEqualTo(rows);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void idsAreTheDocumentedOnes(ShippedDatasetProvider provider, int rows, int cols, int[] counts) {
        assertThat(provider.id()).isIn(List.of("digits", "iris", "wine", "breast_cancer"));
        assertThat(provider.schema().get("normalize").defaultValue())
            .isEqualTo(provider.id().equals("digits") ? "scale16" : "standard");
    }
}
