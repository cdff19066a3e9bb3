package io.adalab.plugin.datasets.builtin;

import io.adalab.api.Batch;
import io.adalab.api.DType;
import io.adalab.api.DataShape;
import io.adalab.api.Dataset;
import io.adalab.api.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An opened text corpus cut into windows. The training part is tokens {@code [0, split)}, the
 * validation part (served as the test split) {@code [split, length)}: a split by position, so no
 * validation text is ever seen in training. Training windows of {@code seqLength + 1} tokens start
 * every {@code stride} tokens and lie wholly inside the training part; each epoch visits them in a
 * Fisher-Yates order from {@link SplittableRandom}{@code (shuffleSeed)}. Validation windows do not
 * overlap (stride {@code seqLength}), so each validation token is predicted exactly once, the last
 * one padded and masked.
 */
final class TextWindows implements Dataset {
    private final TextCorpus corpus;
    private final long split;
    private final int seqLength;
    private final int stride;
    private final DType dtype;
    private final DataShape shape;
    private final int trainWindows;
    private final int testWindows;
    private final AtomicBoolean closed = new AtomicBoolean();

    TextWindows(TextCorpus corpus, long split, int seqLength, int stride, DType dtype) {
        this.corpus = corpus;
        this.split = split;
        this.seqLength = seqLength;
        this.stride = stride;
        this.dtype = dtype;
        List<String> names = new ArrayList<>();
        for (int cp : corpus.vocabulary()) {
            names.add(new String(Character.toChars(cp)));
        }
        this.shape = new DataShape(new long[] {seqLength}, names.size(), Task.LANGUAGE_MODEL, names);
        this.trainWindows = windows(0, split, stride, true);
        this.testWindows = windows(split, corpus.length(), seqLength, false);
    }

    private int windows(long from, long to, int step, boolean whole) {
        long usable = to - from - 1; // the last token is only ever a target
        if (usable <= 0) {
            return 0;
        }
        long n = whole ? (usable >= seqLength ? (usable - seqLength) / step + 1 : 0) : (usable + seqLength - 1) / seqLength;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("too many windows: " + n + "; raise stride");
        }
        return (int) n;
    }

    @Override public DataShape shape() {
        return shape;
    }

    @Override public long trainSize() {
        return trainWindows;
    }

    @Override public long testSize() {
        return testWindows;
    }

    /** Tokens in the training part. */
    long trainTokens() {
        return split;
    }

    /** The stride of training windows. */
    int stride() {
        return stride;
    }

    @Override public Iterator<Batch> train(int batchSize, long shuffleSeed) {
        int[] order = new int[trainWindows];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Shuffle.inPlace(order, new SplittableRandom(shuffleSeed));
        return Prefetcher.start(new SequenceBatches(corpus, order, trainWindows, 0, stride, split, seqLength, batchSize,
                dtype),
            IdxDataset.PREFETCH, "text-train", closed::get);
    }

    @Override public Iterator<Batch> test(int batchSize) {
        return Prefetcher.start(new SequenceBatches(corpus, null, testWindows, split, seqLength, corpus.length(), seqLength,
                batchSize, dtype),
            IdxDataset.PREFETCH, "text-test", closed::get);
    }

    @Override public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                corpus.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
