package io.adalab.api.dl4j;

import io.adalab.api.Batch;
import io.adalab.api.DType;
import io.adalab.api.Evaluation;
import io.adalab.api.Incubating;
import io.adalab.api.ParameterGroup;
import io.adalab.api.TrainableModel;
import io.adalab.api.Vec;
import java.util.List;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A {@link MultiLayerNetwork} language model as a {@link TrainableModel}: next-token prediction at
 * every step of a sequence, with a softmax output layer trained on cross-entropy (DL4J's
 * {@code RnnOutputLayer} with {@code MCXENT}).
 *
 * <p>Batches use DL4J's recurrent layout: features {@code [b, T]} token ids (or {@code [b, n, T]}),
 * labels {@code [b, vocab, T]} one-hot, an optional labels mask {@code [b, T]} with 1 where a token
 * is predicted. The loss is the mean cross-entropy per <em>predicted token</em> (masked steps
 * excluded) and the gradient is that of this mean, as PyTorch's {@code CrossEntropyLoss} gives it;
 * DL4J itself divides the summed loss by the number of sequences instead. {@link #evaluate} counts
 * predicted tokens, so {@code exp(meanLoss)} is the per-token perplexity; {@code correct} counts
 * tokens whose most probable prediction is right.
 *
 * <p>With {@code tbpttLength > 0} and sequences longer than it, the gradient is that of truncated
 * backpropagation through time (Williams and Peng 1990): the sequence is cut into segments of
 * {@code tbpttLength} steps, the recurrent state is carried forward from segment to segment but no
 * gradient flows back across a boundary, and the segments' gradients are summed into one step of
 * the optimizer. The loss is the same as without truncation. DL4J's own {@code fit()} instead takes
 * one optimizer step per segment; here the platform takes one step per batch. The network must be
 * configured with {@link BackpropType#TruncatedBPTT} and that length.
 */
@Incubating
public final class Dl4jSequenceModel implements TrainableModel {
    /** Log-probabilities are clipped here, as DL4J's {@code MCXENT} clips the softmax output. */
    private static final double CLIP = 1e-10;
    private final MultiLayerNetwork net;
    private final int tbpttLength;
    private final DType dtype;
    private final List<ParameterGroup> groups;

    private Dl4jSequenceModel(MultiLayerNetwork net, int tbpttLength) {
        this.net = net;
        this.tbpttLength = tbpttLength;
        this.dtype = Dl4jLayout.dtype(net);
        this.groups = Dl4jLayout.groups(net);
    }

    /**
     * Wraps an initialised network.
     *
     * @param tbpttLength truncated-BPTT segment length in steps, or 0 for full backpropagation
     * @throws IllegalArgumentException if {@code tbpttLength > 0} but the network is not configured for it
     */
    public static Dl4jSequenceModel of(MultiLayerNetwork net, int tbpttLength) {
        if (tbpttLength < 0) {
            throw new IllegalArgumentException("tbpttLength must be >= 0, was " + tbpttLength);
        }
        if (tbpttLength > 0 && (net.getLayerWiseConfigurations().getBackpropType() != BackpropType.TruncatedBPTT
            || net.getLayerWiseConfigurations().getTbpttBackLength() < tbpttLength)) {
            throw new IllegalArgumentException("configure the network with BackpropType.TruncatedBPTT and tBPTTLength("
                + tbpttLength + ")");
        }
        return new Dl4jSequenceModel(net, tbpttLength);
    }

    /** The wrapped network. */
    public MultiLayerNetwork network() {
        return net;
    }

    /** Truncated-BPTT segment length, 0 for full backpropagation. */
    public int tbpttLength() {
        return tbpttLength;
    }

    @Override public DType dtype() {
        return dtype;
    }

    @Override public List<ParameterGroup> groups() {
        return groups;
    }

    @Override public void initialParameters(Vec out) {
        NioCopy.toHeap(net.params(), out, 1.0);
    }

    /** Number of predicted tokens of {@code batch}: the labels mask's sum, or {@code b * T}. */
    public static long tokens(Batch batch) {
        INDArray m = batch.labelsMask();
        if (m == null) {
            return batch.labels().size(0) * batch.labels().size(2);
        }
        return Math.round(m.sumNumber().doubleValue());
    }

    @Override public double lossAndGradient(Vec params, Batch batch, Vec gradOut) {
        NioCopy.toNative(params, net.params());
        long tokens = tokens(batch);
        if (tokens == 0) {
            gradOut.fill(0);
            return 0;
        }
        long steps = batch.labels().size(2);
        int mb = batch.size();
        net.rnnClearPreviousState();
        try {
            if (tbpttLength == 0 || steps <= tbpttLength) {
                double lossSum = segment(batch.features(), batch.labels(), batch.featuresMask(), batch.labelsMask(), mb);
                NioCopy.toHeap(net.getFlattenedGradients(), gradOut, 1.0 / tokens);
                return lossSum / tokens;
            }
            gradOut.fill(0);
            double lossSum = 0;
            for (long s = 0; s < steps; s += tbpttLength) {
                INDArrayIndex t = NDArrayIndex.interval(s, Math.min(steps, s + tbpttLength));
                lossSum += segment(time(batch.features(), t), time(batch.labels(), t), time(batch.featuresMask(), t),
                    time(batch.labelsMask(), t), mb);
                NioCopy.addToHeap(net.getFlattenedGradients(), gradOut, 1.0 / tokens);
                net.updateRnnStateWithTBPTTState();
            }
            return lossSum / tokens;
        } finally {
            net.rnnClearPreviousState();
        }
    }

    /** Forward and backward on one (segment of a) batch; returns the summed token loss. */
    private double segment(INDArray x, INDArray y, INDArray featuresMask, INDArray labelsMask, int mb) {
        net.setInput(x);
        net.setLabels(y);
        net.setLayerMaskArrays(featuresMask, labelsMask);
        net.computeGradientAndScore();
        return net.score() * mb; // DL4J divides the summed loss by the number of sequences
    }

    /** The time steps {@code t} of a {@code [b, T]} or {@code [b, n, T]} array, contiguous; null stays null. */
    private static INDArray time(INDArray a, INDArrayIndex t) {
        if (a == null) {
            return null;
        }
        return (a.rank() == 2 ? a.get(NDArrayIndex.all(), t) : a.get(NDArrayIndex.all(), NDArrayIndex.all(), t)).dup();
    }

    @Override public Evaluation evaluate(Vec params, Batch batch) {
        NioCopy.toNative(params, net.params());
        net.rnnClearPreviousState();
        return evaluation(net.output(batch.features(), false, batch.featuresMask(), batch.labelsMask()), batch);
    }

    /**
     * The token-level evaluation of predicted next-token probabilities {@code [b, vocab, T]} against
     * {@code batch}'s one-hot labels: summed cross-entropy, correct top-1 predictions and the number
     * of predicted tokens, all over the steps the labels mask keeps. Probabilities are clipped at
     * {@code 1e-10} before the logarithm, as DL4J's {@code MCXENT} clips them.
     */
    public static Evaluation evaluation(INDArray probs, Batch batch) {
        INDArray y = batch.labels().castTo(probs.dataType());
        INDArray mask = batch.labelsMask() != null ? batch.labelsMask().castTo(probs.dataType())
            : Nd4j.ones(probs.dataType(), probs.size(0), probs.size(2));
        INDArray pTrue = probs.mul(y).sum(1); // [b, T]
        INDArray nll = Transforms.log(Transforms.max(pTrue, CLIP, false), false).negi().muli(mask);
        INDArray hit = probs.argMax(1).eq(y.argMax(1)).castTo(probs.dataType()).muli(mask);
        return new Evaluation(nll.sumNumber().doubleValue(), Math.round(hit.sumNumber().doubleValue()), tokens(batch));
    }
}
