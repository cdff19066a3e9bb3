package io.adalab.api;

import java.util.Iterator;

/**
 * An opened dataset of one run. Iterators yield batches of at most {@code batchSize} examples; the
 * last batch of an epoch may be smaller. Implementations may stream from disk.
 */
public interface Dataset extends AutoCloseable {

    /** Shape of the examples. */
    DataShape shape();

    /** Number of training examples. */
    long trainSize();

    /** Number of test examples (0 if the dataset has no test split). */
    long testSize();

    /**
     * One epoch of training batches, shuffled deterministically by {@code shuffleSeed}.
     */
    Iterator<Batch> train(int batchSize, long shuffleSeed);

    /** The test split in a fixed order. */
    Iterator<Batch> test(int batchSize);

    @Override
    default void close() {
    }
}
