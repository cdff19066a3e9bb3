package io.adalab.plugin.datasets.builtin;

import io.adalab.api.Batch;
import io.adalab.api.DType;
import io.adalab.api.DataShape;
import io.adalab.api.Dataset;
import io.adalab.api.Task;
import java.util.Iterator;
import java.util.SplittableRandom;

/**
 * An opened in-memory classification dataset: a normalised {@link Table} and its {@link Split}.
 * Training epochs are shuffled by a Fisher-Yates shuffle from {@link SplittableRandom}{@code
 * (shuffleSeed)}; the test split is served in file order.
 */
final class TableDataset implements Dataset {
    private final Table table;
    private final Split split;
    private final DType dtype;
    private final DataShape shape;

    TableDataset(Table table, Split split, DType dtype) {
        this.table = table;
        this.split = split;
        this.dtype = dtype;
        this.shape = new DataShape(new long[] {table.cols()}, table.classes(), Task.CLASSIFICATION,
            table.classNames());
    }

    @Override public DataShape shape() {
        return shape;
    }

    @Override public long trainSize() {
        return split.train().length;
    }

    @Override public long testSize() {
        return split.test().length;
    }

    @Override public Iterator<Batch> train(int batchSize, long shuffleSeed) {
        int[] order = split.train().clone();
        Shuffle.inPlace(order, new SplittableRandom(shuffleSeed));
        return new BatchIterator(table, order, batchSize, dtype);
    }

    @Override public Iterator<Batch> test(int batchSize) {
        return new BatchIterator(table, split.test(), batchSize, dtype);
    }

    /** The split (for tests). */
    Split split() {
        return split;
    }

    /** The normalised table (for tests). */
    Table table() {
        return table;
    }
}
