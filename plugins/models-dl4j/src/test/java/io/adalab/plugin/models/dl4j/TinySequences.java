package io.adalab.plugin.models.dl4j;

import io.adalab.api.Batch;
import io.adalab.api.DataShape;
import io.adalab.api.Task;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Tiny seeded float64 inputs for the image and sequence models' gradient checks. */
final class TinySequences {
    private TinySequences() {
    }

    static DataShape images(int side) {
        return new DataShape(new long[] {1, side, side}, 3, Task.CLASSIFICATION, List.of("a", "b", "c"));
    }

    static DataShape text(int steps, int vocab) {
        return new DataShape(new long[] {steps}, vocab, Task.LANGUAGE_MODEL, List.of());
    }

    /** {@code n} images with pixels uniform in [0, 1) and random classes. */
    static Batch imageBatch(DataShape shape, int n, long seed) {
        Random rng = new Random(seed);
        long[] f = shape.features();
        int pixels = (int) shape.featureCount();
        double[] x = new double[n * pixels];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble();
        }
        double[] y = new double[n * shape.outputs()];
        for (int i = 0; i < n; i++) {
            y[i * shape.outputs() + rng.nextInt(shape.outputs())] = 1;
        }
        return new Batch(Nd4j.create(x, new long[] {n, f[0], f[1], f[2]}, DataType.DOUBLE),
            Nd4j.create(y, new long[] {n, shape.outputs()}, DataType.DOUBLE));
    }

    /**
     * {@code n} random token sequences with one-hot next-token labels; with {@code masked}, the
     * last two steps of the last sequence are padding (labels mask 0).
     */
    static Batch tokenBatch(DataShape shape, int n, boolean masked, long seed) {
        Random rng = new Random(seed);
        int t = (int) shape.features()[0];
        int v = shape.outputs();
        double[] x = new double[n * t];
        double[] y = new double[n * v * t];
        double[] m = new double[n * t];
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < t; s++) {
                boolean pad = masked && i == n - 1 && s >= t - 2;
                x[i * t + s] = pad ? 0 : rng.nextInt(v);
                if (!pad) {
                    y[(i * v + rng.nextInt(v)) * t + s] = 1;
                    m[i * t + s] = 1;
                }
            }
        }
        return new Batch(Nd4j.create(x, new long[] {n, t}, DataType.DOUBLE),
            Nd4j.create(y, new long[] {n, v, t}, DataType.DOUBLE), null,
            masked ? Nd4j.create(m, new long[] {n, t}, DataType.DOUBLE) : null);
    }
}
