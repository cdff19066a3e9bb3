package io.adalab.plugin.models.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.adalab.api.Batch;
import io.adalab.api.DType;
import io.adalab.api.Dataset;
import io.adalab.api.DatasetContext;
import io.adalab.api.Evaluation;
import io.adalab.api.TrainableModel;
import io.adalab.api.Vec;
import io.adalab.plugin.datasets.builtin.FashionMnistDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DeepOBS's fmnist_2c2d on a fixed-seed subset of the real Fashion-MNIST files (Debian package
 * dataset-fashion-mnist, which .ci/run installs): one small epoch of SGD at DeepOBS's tuned
 * learning rate lowers the training loss and lifts test accuracy well above chance (10 %).
 */
class FashionMnistTrainingTest {
    private static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");

    @Test
    void oneSmallEpochOfSgdLowersTheLossAndBeatsChanceOnTheTestSet() throws Exception {
        assumeTrue(Files.isDirectory(DEBIAN), "needs the Debian package dataset-fashion-mnist");
        FashionMnistDataset fmnist = new FashionMnistDataset();
        Fmnist2c2dFactory factory = new Fmnist2c2dFactory();
        try (Dataset data = fmnist.open(fmnist.schema().resolve(Map.of("subset", 1024)),
            new DatasetContext(0, Path.of("."), DType.FLOAT32))) {
            TrainableModel model = factory.create(data.shape(), factory.schema().resolve(Map.of()), DType.FLOAT32, 42);
            Vec p = Vec.zeros(DType.FLOAT32, model.parameterCount());
            Vec g = Vec.zeros(DType.FLOAT32, model.parameterCount());
            model.initialParameters(p);
            double lr = Math.pow(10, -0.8); // DeepOBS's tuned constant rate for SGD on fmnist_2c2d
            List<Double> losses = new ArrayList<>();
            for (Iterator<Batch> it = data.train(32, 7); it.hasNext(); ) {
                losses.add(model.lossAndGradient(p, it.next(), g));
                for (int i = 0; i < p.length(); i++) {
                    p.set(i, p.get(i) - lr * g.get(i));
                }
            }
            Evaluation test = Evaluation.EMPTY;
            Iterator<Batch> it = data.test(250);
            for (int b = 0; b < 4; b++) { // the first 1000 test images: enough to tell learning from chance
                test = test.plus(model.evaluate(p, it.next()));
            }
            assertThat(losses).hasSize(32);
            assertThat(mean(losses.subList(24, 32))).isLessThan(0.8 * mean(losses.subList(0, 8)));
            assertThat(test.count()).isEqualTo(1000);
            assertThat(test.accuracy()).isGreaterThan(0.4);
        }
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
