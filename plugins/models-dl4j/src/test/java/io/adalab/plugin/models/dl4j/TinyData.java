package io.adalab.plugin.models.dl4j;

import io.adalab.api.Batch;
import io.adalab.api.DataShape;
import io.adalab.api.Task;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** A tiny seeded float64 batch for gradient checks: 4 examples, 3 features, 3 classes or 2 targets. */
final class TinyData {
    static final DataShape CLASSES = new DataShape(new long[] {3}, 3, Task.CLASSIFICATION, List.of("a", "b", "c"));
    static final DataShape TARGETS = new DataShape(new long[] {3}, 2, Task.REGRESSION, List.of());

    private TinyData() {
    }

    static Batch batch(DataShape shape, long seed) {
        Random rng = new Random(seed);
        int n = 4;
        double[] x = new double[n * 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        int outputs = shape.outputs();
        double[] y = new double[n * outputs];
        for (int i = 0; i < n; i++) {
            if (shape.task() == Task.CLASSIFICATION) {
                y[i * outputs + rng.nextInt(outputs)] = 1;
            } else {
                for (int k = 0; k < outputs; k++) {
                    y[i * outputs + k] = rng.nextGaussian();
                }
            }
        }
        return new Batch(Nd4j.create(x, new long[] {n, 3}, DataType.DOUBLE),
            Nd4j.create(y, new long[] {n, outputs}, DataType.DOUBLE));
    }
}
