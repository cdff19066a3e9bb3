package io.adalab.plugin.datasets.builtin;

import io.adalab.api.Batch;
import io.adalab.api.DType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Language-model batches of text windows: window {@code w} starts at token {@code from + w * step} and is
 * read as {@code seqLength + 1} tokens, the inputs being the first {@code seqLength} and the targets
 * the same shifted by one. Features {@code [b, seqLength]} hold token ids (as numbers of the run's
 * precision); labels {@code [b, vocab, seqLength]} are one-hot next tokens (DL4J's recurrent layout).
 * A window that runs past {@code end} is padded and gets a labels mask {@code [b, seqLength]} with 0
 * at the padded steps; a batch without such a window has no masks. Windows come in the order
 * {@code order}, or {@code 0, 1, ...} when it is {@code null}.
 */
final class SequenceBatches implements Iterator<Batch> {
    private final TextCorpus corpus;
    private final int[] order;
    private final int count;
    private final long from;
    private final int step;
    private final long end;
    private final int seqLength;
    private final int vocab;
    private final int batchSize;
    private final DType dtype;
    private final int[] tokens;
    private final ByteBuffer scratch;
    private int next;

    SequenceBatches(TextCorpus corpus, int[] order, int count, long from, int step, long end, int seqLength,
                    int batchSize, DType dtype) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, was " + batchSize);
        }
        this.corpus = corpus;
        this.order = order;
        this.count = count;
        this.from = from;
        this.step = step;
        this.end = end;
        this.seqLength = seqLength;
        this.vocab = corpus.vocabulary().length;
        this.batchSize = batchSize;
        this.dtype = dtype;
        this.tokens = new int[seqLength + 1];
        this.scratch = corpus.scratch(seqLength + 1);
    }

    @Override public boolean hasNext() {
        return next < count;
    }

    @Override public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int b = Math.min(batchSize, count - next);
        int t = seqLength;
        float[] x = new float[b * t];
        float[] y = new float[b * vocab * t];
        float[] mask = null;
        for (int i = 0; i < b; i++) {
            int window = order == null ? next + i : order[next + i];
            long start = from + (long) window * step;
            int valid = (int) Math.min(t, end - start - 1);
            int[] w = valid == t ? tokens : new int[valid + 1];
            try {
                corpus.read(start, w, scratch);
            } catch (IOException e) {
                throw Prefetcher.unchecked(e);
            }
            if (valid < t && mask == null) {
                mask = new float[b * t];
                java.util.Arrays.fill(mask, 0, i * t, 1);
            }
            for (int s = 0; s < t; s++) {
                if (s < valid) {
                    x[i * t + s] = w[s];
                    y[(i * vocab + w[s + 1]) * t + s] = 1;
                }
                if (mask != null) {
                    mask[i * t + s] = s < valid ? 1 : 0;
                }
            }
        }
        next += b;
        DataType dt = dtype == DType.FLOAT64 ? DataType.DOUBLE : DataType.FLOAT;
        // token ids, 0 and 1 are exact in float; double batches are cast from it
        INDArray features = array(x, new long[] {b, t}, dt);
        INDArray labels = array(y, new long[] {b, vocab, t}, dt);
        INDArray labelsMask = mask == null ? null : array(mask, new long[] {b, t}, dt);
        return new Batch(features, labels, null, labelsMask);
    }

    private static INDArray array(float[] v, long[] shape, DataType dt) {
        INDArray a = Nd4j.create(v, shape, DataType.FLOAT);
        return dt == DataType.FLOAT ? a : a.castTo(dt);
    }
}
