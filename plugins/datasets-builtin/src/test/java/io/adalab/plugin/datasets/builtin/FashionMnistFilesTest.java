package io.adalab.plugin.datasets.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.adalab.api.Batch;
import io.adalab.api.DType;
import io.adalab.api.Dataset;
import io.adalab.api.DatasetContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real files of the Debian package dataset-fashion-mnist (installed by .ci/run). */
class FashionMnistFilesTest {
    @Test
    void theDebianPackageIsTheDefaultFolderWithTheStandardSplit() throws Exception {
        assumeTrue(Files.isDirectory(FashionMnistDataset.DEBIAN), "apt-get install dataset-fashion-mnist");
        FashionMnistDataset f = new FashionMnistDataset();
        try (Dataset d = f.open(f.schema().resolve(Map.of()), new DatasetContext(0, Path.of("."), DType.FLOAT32))) {
            assertThat(d.trainSize()).isEqualTo(60_000);
            assertThat(d.testSize()).isEqualTo(10_000);
            assertThat(d.shape().features()).containsExactly(1, 28, 28);
            assertThat(d.shape().classNames()).hasSize(10).startsWith("T-shirt/top");
            Batch b = d.test(100).next();
            assertThat(b.features().minNumber().doubleValue()).isEqualTo(0.0);
            assertThat(b.features().maxNumber().doubleValue()).isEqualTo(1.0);
            // the first test image is an ankle boot (label 9) in the published files
            assertThat(b.labels().getRow(0).argMax().getInt(0)).isEqualTo(9);
        }
    }
}
