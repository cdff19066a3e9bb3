package io.adalab.plugin.datasets.builtin;

import io.adalab.api.Batch;
import io.adalab.api.DType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batches of IDX image records in the order {@code order}: features {@code [b, 1, rows, cols]} with
 * pixels scaled from 0..255 to [0, 1], one-hot labels {@code [b, classes]}. Reads each record when
 * its batch is built; only one batch is ever in memory here.
 */
final class ImageBatches implements Iterator<Batch> {
    private final IdxFile images;
    private final byte[] labels;
    private final int classes;
    private final int[] order;
    private final int batchSize;
    private final DType dtype;
    private final ByteBuffer record;
    private int next;

    ImageBatches(IdxFile images, byte[] labels, int classes, int[] order, int batchSize, DType dtype) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, was " + batchSize);
        }
        this.images = images;
        this.labels = labels;
        this.classes = classes;
        this.order = order;
        this.batchSize = batchSize;
        this.dtype = dtype;
        this.record = ByteBuffer.allocate(images.recordBytes());
    }

    @Override public boolean hasNext() {
        return next < order.length;
    }

    @Override public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int b = Math.min(batchSize, order.length - next);
        int[] dims = images.dims();
        int pixels = images.recordBytes();
        double[] x = dtype == DType.FLOAT64 ? new double[b * pixels] : null;
        float[] xf = dtype == DType.FLOAT64 ? null : new float[b * pixels];
        float[] y = new float[b * classes];
        byte[] raw = record.array();
        for (int i = 0; i < b; i++) {
            int row = order[next + i];
            record.clear();
            try {
                images.read(row, record);
            } catch (IOException e) {
                throw Prefetcher.unchecked(e);
            }
            for (int k = 0; k < pixels; k++) {
                int v = raw[k] & 0xff;
                if (x != null) {
                    x[i * pixels + k] = v / 255.0;
                } else {
                    xf[i * pixels + k] = v / 255f;
                }
            }
            y[i * classes + labels[row]] = 1;
        }
        next += b;
        long[] xShape = {b, 1, dims[1], dims[2]};
        long[] yShape = {b, classes};
        if (x != null) {
            double[] yd = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                yd[i] = y[i];
            }
            return new Batch(Nd4j.create(x, xShape, DataType.DOUBLE), Nd4j.create(yd, yShape, DataType.DOUBLE));
        }
        return new Batch(Nd4j.create(xf, xShape, DataType.FLOAT), Nd4j.create(y, yShape, DataType.FLOAT));
    }
}
