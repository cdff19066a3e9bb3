package io.adalab.plugin.datasets.builtin;

import io.adalab.api.Batch;
import io.adalab.api.DType;
import io.adalab.api.DataShape;
import io.adalab.api.Dataset;
import io.adalab.api.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An opened MNIST-style dataset: four {@link IdxFile}s, the images streamed from disk, the labels
 * (one byte per example) in memory. Training epochs visit {@code train} (all examples or a subset)
 * in a Fisher-Yates order from {@link SplittableRandom}{@code (shuffleSeed)}; the test set is always
 * complete and in file order. Batches are built by a {@link Prefetcher} thread.
 */
final class IdxDataset implements Dataset {
    /** Batches built ahead of the trainer. */
    static final int PREFETCH = 4;
    private final IdxFile trainImages;
    private final IdxFile testImages;
    private final byte[] trainLabels;
    private final byte[] testLabels;
    private final int[] train;
    private final DType dtype;
    private final DataShape shape;
    private final AtomicBoolean closed = new AtomicBoolean();

    IdxDataset(IdxFile trainImages, byte[] trainLabels, IdxFile testImages, byte[] testLabels, int[] train,
               List<String> classNames, DType dtype) {
        this.trainImages = trainImages;
        this.testImages = testImages;
        this.trainLabels = trainLabels;
        this.testLabels = testLabels;
        this.train = train;
        this.dtype = dtype;
        int[] d = trainImages.dims();
        this.shape = new DataShape(new long[] {1, d[1], d[2]}, classNames.size(), Task.CLASSIFICATION, classNames);
    }

    @Override public DataShape shape() {
        return shape;
    }

    @Override public long trainSize() {
        return train.length;
    }

    @Override public long testSize() {
        return testImages.count();
    }

    @Override public Iterator<Batch> train(int batchSize, long shuffleSeed) {
        int[] order = train.clone();
        Shuffle.inPlace(order, new SplittableRandom(shuffleSeed));
        return Prefetcher.start(new ImageBatches(trainImages, trainLabels, shape.outputs(), order, batchSize, dtype),
            PREFETCH, "train", closed::get);
    }

    @Override public Iterator<Batch> test(int batchSize) {
        int[] order = new int[testImages.count()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        return Prefetcher.start(new ImageBatches(testImages, testLabels, shape.outputs(), order, batchSize, dtype),
            PREFETCH, "test", closed::get);
    }

    /** The training examples used, ascending (all, or the subset). */
    int[] trainIndices() {
        return train.clone();
    }

    @Override public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                trainImages.close();
                testImages.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
