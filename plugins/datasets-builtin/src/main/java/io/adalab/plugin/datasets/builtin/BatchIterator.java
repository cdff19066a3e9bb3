package io.adalab.plugin.datasets.builtin;

import io.adalab.api.Batch;
import io.adalab.api.DType;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batches of the rows {@code order} of a table, in that order: features {@code [b, cols]} and one-hot
 * labels {@code [b, classes]}, created per batch in the requested precision. The last batch holds
 * what is left.
 */
final class BatchIterator implements Iterator<Batch> {
    private final Table table;
    private final int[] order;
    private final int batchSize;
    private final DType dtype;
    private int next;

    BatchIterator(Table table, int[] order, int batchSize, DType dtype) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, was " + batchSize);
        }
        this.table = table;
        this.order = order;
        this.batchSize = batchSize;
        this.dtype = dtype;
    }

    @Override public boolean hasNext() {
        return next < order.length;
    }

    @Override public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int b = Math.min(batchSize, order.length - next);
        int cols = table.cols();
        int classes = table.classes();
        double[] x = new double[b * cols];
        double[] y = new double[b * classes];
        for (int i = 0; i < b; i++) {
            int row = order[next + i];
            System.arraycopy(table.x(), row * cols, x, i * cols, cols);
            y[i * classes + table.y()[row]] = 1;
        }
        next += b;
        long[] xShape = {b, cols};
        long[] yShape = {b, classes};
        if (dtype == DType.FLOAT64) {
            return new Batch(Nd4j.create(x, xShape, DataType.DOUBLE), Nd4j.create(y, yShape, DataType.DOUBLE));
        }
        return new Batch(Nd4j.create(toFloat(x), xShape, DataType.FLOAT),
            Nd4j.create(toFloat(y), yShape, DataType.FLOAT));
    }

    private static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }
}
