package io.adalab.plugin.datasets.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adalab.api.Batch;
import io.adalab.api.DType;
import io.adalab.api.Dataset;
import io.adalab.api.DatasetContext;
import io.adalab.api.HyperparameterException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

class IdxDatasetTest {
    @TempDir
    Path dir;
    private final MnistDataset mnist = new MnistDataset();

    private Dataset open(Map<String, ?> values, DType dtype) throws IOException {
        return mnist.open(mnist.schema().resolve(values), new DatasetContext(0, dir, dtype));
    }

    private static List<Double> firstPixels(Iterator<Batch> it) {
        List<Double> out = new ArrayList<>();
        while (it.hasNext()) {
            Batch b = it.next();
            for (int i = 0; i < b.size(); i++) {
                out.add(b.features().getDouble(i, 0, 0, 0));
            }
        }
        return out;
    }

    @Test
    void imagesComeAsChannelsHeightWidthScaledToTheUnitInterval() throws IOException {
        IdxFixture.folder(dir.resolve("mnist"), 40, 12, true);
        try (Dataset d = open(Map.of(), DType.FLOAT32)) {
            assertThat(d.shape().features()).containsExactly(1, 4, 3);
            assertThat(d.shape().outputs()).isEqualTo(10);
            assertThat(d.trainSize()).isEqualTo(40);
            assertThat(d.testSize()).isEqualTo(12);
            Batch b = d.test(5).next();
            assertThat(b.features().shape()).containsExactly(5, 1, 4, 3);
            assertThat(b.features().dataType()).isEqualTo(DataType.FLOAT);
            assertThat(b.features().getDouble(3, 0, 3, 2)).isCloseTo((3 * 7 + 11) / 255.0, org.assertj.core.data.Offset.offset(1e-7));
            assertThat(b.labels().getRow(3).argMax().getInt(0)).isEqualTo(3);
            assertThat(b.features().minNumber().doubleValue()).isGreaterThanOrEqualTo(0);
            assertThat(b.features().maxNumber().doubleValue()).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void theTestSetIsCompleteAndInFileOrderAndTheLastBatchIsPartial() throws IOException {
        IdxFixture.folder(dir, 10, 12, false);
        try (Dataset d = mnist.open(mnist.schema().resolve(Map.of("folder", dir.toString(), "subset", 3)),
            new DatasetContext(0, dir, DType.FLOAT64))) {
            List<Double> first = firstPixels(d.test(5));
            assertThat(first).hasSize(12);
            for (int i = 0; i < 12; i++) {
                assertThat(first.get(i)).isEqualTo((i * 7 % 256) / 255.0);
            }
        }
    }

    @Test
    void theShuffleIsFixedBySeedAndVisitsEveryExampleOnce() throws IOException {
        IdxFixture.folder(dir.resolve("mnist"), 30, 5, false);
        try (Dataset d = open(Map.of(), DType.FLOAT64)) {
            List<Double> a = firstPixels(d.train(7, 42));
            assertThat(a).isEqualTo(firstPixels(d.train(7, 42)));
            assertThat(a).isNotEqualTo(firstPixels(d.train(7, 43)));
            assertThat(a).doesNotHaveDuplicates().hasSize(30);
        }
    }

    @Test
    void aSubsetIsTheSameForEveryRunAndSmallerThanTheTrainingSet() throws IOException {
        IdxFixture.folder(dir.resolve("mnist"), 30, 5, false);
        try (Dataset a = open(Map.of("subset", 8), DType.FLOAT32); Dataset b = open(Map.of("subset", 8), DType.FLOAT32);
             Dataset c = open(Map.of("subset", 8, "subset_seed", 1), DType.FLOAT32)) {
            assertThat(a.trainSize()).isEqualTo(8);
            assertThat(((IdxDataset) a).trainIndices()).containsExactly(((IdxDataset) b).trainIndices());
            assertThat(((IdxDataset) a).trainIndices()).isNotEqualTo(((IdxDataset) c).trainIndices());
            assertThat(a.testSize()).isEqualTo(5);
        }
    }

    @Test
    void aSubsetLargerThanTheTrainingSetIsRefused() throws IOException {
        IdxFixture.folder(dir.resolve("mnist"), 30, 5, false);
        assertThatThrownBy(() -> open(Map.of("subset", 31), DType.FLOAT32))
            .isInstanceOfSatisfying(HyperparameterException.class, e -> assertThat(e.field()).isEqualTo("subset"));
    }

    @Test
    void aMissingFolderSaysHowToGetTheData() {
        FashionMnistDataset f = new FashionMnistDataset();
        Path nowhere = dir.resolve("nowhere");
        assertThatThrownBy(() -> f.open(f.schema().resolve(Map.of("folder", nowhere.toString())),
            new DatasetContext(0, dir, DType.FLOAT32)))
            .isInstanceOf(IOException.class).hasMessageContaining(nowhere.toString())
            .hasMessageContaining("apt-get install dataset-fashion-mnist");
    }

    @Test
    void labelsThatDoNotMatchTheImagesAreRefusedNamingBothFiles() throws IOException {
        IdxFixture.folder(dir, 10, 5, false);
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxFixture.labels(4));
        assertThatThrownBy(() -> open(Map.of("folder", dir.toString()), DType.FLOAT32))
            .hasMessageContaining("t10k-labels-idx1-ubyte").hasMessageContaining("t10k-images-idx3-ubyte");
    }

    @Test
    void aLabelOutsideTheClassesIsRefused() throws IOException {
        IdxFixture.folder(dir, 10, 5, false);
        Files.write(dir.resolve("train-labels-idx1-ubyte"), IdxFixture.idx(0x801, new int[] {10},
            new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 10}));
        assertThatThrownBy(() -> open(Map.of("folder", dir.toString()), DType.FLOAT32))
            .hasMessageContaining("train-labels-idx1-ubyte").hasMessageContaining("label 10 of example 9");
    }

    @Test
    void closingTheDatasetEndsThePrefetchThreadOfAnAbandonedEpoch() throws Exception {
        IdxFixture.folder(dir.resolve("mnist"), 200, 5, false);
        Dataset d = open(Map.of(), DType.FLOAT32);
        Iterator<Batch> it = d.train(1, 0);
        it.next();
        List<Thread> producers = Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().equals("adalab-prefetch-train")).toList();
        assertThat(producers).isNotEmpty();
        d.close();
        for (Thread t : producers) {
            t.join(30_000); // bounded only so that a regression fails instead of hanging
            assertThat(t.isAlive()).isFalse();
        }
    }
}
