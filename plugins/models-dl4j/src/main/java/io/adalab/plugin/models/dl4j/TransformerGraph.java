package io.adalab.plugin.models.dl4j;

import io.adalab.api.ParameterGroup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds the tiny transformer as one SameDiff graph: token embedding {@code E} plus position
 * embedding {@code P}, {@code blocks} pre-norm decoder blocks (GPT-2 style: {@code x += Attn(LN1(x))},
 * {@code x += W2 gelu(W1 LN2(x) + b1) + b2}), a final layer norm and a linear head, then
 * log-softmax over the vocabulary. Attention is multi-head scaled dot-product attention (Vaswani
 * et al. 2017, eq. 1) with a causal mask that adds {@code -1e9} to the scores of later positions, so
 * position {@code t} only sees positions {@code <= t}. Records every parameter, in creation order,
 * as a {@link ParameterGroup} with its initial values: weights {@code N(0, 0.02^2)} (GPT-2), biases
 * 0, layer-norm gains 1, drawn from {@link Random}{@code (seed)}.
 *
 * <p>Placeholders: {@code x [b, T]} token ids, {@code y [b, vocab, T]} one-hot targets,
 * {@code m [b, T]} 1 where a target counts. Outputs: {@code logp [b, vocab, T]} and {@code loss}, the
 * summed cross-entropy of the counted targets.
 */
final class TransformerGraph {
    static final double INIT_STD = 0.02;
    static final double LN_EPS = 1e-5;
    private static final double MASKED = -1e9;
    final SameDiff sd = SameDiff.create();
    final List<ParameterGroup> groups = new ArrayList<>();
    final List<double[]> initial = new ArrayList<>();
    private final DataType dtype;
    private final Random rng;
    private final int width;
    private final int steps;
    private int offset;

    TransformerGraph(DataType dtype, long seed, int vocab, int steps, int width, int heads, int blocks) {
        this.dtype = dtype;
        this.rng = new Random(seed);
        this.width = width;
        this.steps = steps;
        SDVariable tokens = sd.placeHolder("x", dtype, -1, steps);
        SDVariable targets = sd.placeHolder("y", dtype, -1, vocab, steps);
        SDVariable mask = sd.placeHolder("m", dtype, -1, steps);
        SDVariable e = param("E", Init.NORMAL, vocab, width);
        SDVariable p = param("P", Init.NORMAL, steps, width);
        // a one-hot product, not gather: gather's gradient lost repeated tokens' contributions in 1.0.0-M2.1
        SDVariable oneHot = sd.oneHot(tokens.castTo(DataType.INT32), vocab).castTo(dtype).reshape(-1, vocab);
        SDVariable x = oneHot.mmul(e).reshape(-1, steps, width).add(p.reshape(1, steps, width)); // [b, T, w]
        SDVariable causal = sd.constant(causalMask().castTo(dtype));
        for (int i = 0; i < blocks; i++) {
            x = block(x, "b" + i + "_", heads, causal);
        }
        SDVariable h = layerNorm(x, "lnf_").reshape(-1, width);
        SDVariable logits = h.mmul(param("head_W", Init.NORMAL, width, vocab)).add(param("head_b", Init.ZERO, 1, vocab));
        // log-softmax by hand: SDNN.logSoftmax(x, dimension) fails to build in 1.0.0-M2.1
        SDVariable shifted = logits.sub(logits.max(true, 1));
        SDVariable logp = shifted.sub(sd.math.log(sd.math.exp(shifted).sum(true, 1)))
            .reshape(-1, steps, vocab).permute(0, 2, 1);
        sd.identity("logp", logp);
        SDVariable nll = logp.mul(targets).sum(1).neg().mul(mask);
        sd.identity("loss", nll.sum()).markAsLoss();
    }

    private SDVariable block(SDVariable x, String n, int heads, SDVariable causal) {
        int dk = width / heads;
        SDVariable flat = layerNorm(x, n + "ln1_").reshape(-1, width);
        SDVariable q = split(linear(flat, n + "q", width), heads, dk);
        SDVariable k = split(linear(flat, n + "k", width), heads, dk);
        SDVariable v = split(linear(flat, n + "v", width), heads, dk);
        SDVariable scores = sd.mmul(q, k, false, true, false).mul(1 / Math.sqrt(dk)).add(causal); // [b, h, T, T]
        SDVariable attended = sd.mmul(sd.nn.softmax(scores, 3), v).permute(0, 2, 1, 3).reshape(-1, width);
        x = x.add(linear(attended, n + "o", width).reshape(-1, steps, width));
        SDVariable hidden = sd.nn.gelu(linear(layerNorm(x, n + "ln2_").reshape(-1, width), n + "fc1", 4 * width));
        return x.add(linear(hidden, n + "fc2", width).reshape(-1, steps, width));
    }

    /** {@code a W + b} for {@code a [rows, in]}. */
    private SDVariable linear(SDVariable a, String name, int out) {
        long in = name.endsWith("fc2") ? 4L * width : width;
        return a.mmul(param(name + "_W", Init.NORMAL, in, out)).add(param(name + "_b", Init.ZERO, 1, out));
    }

    /** {@code [b*T, width]} to {@code [b, heads, T, dk]}. */
    private SDVariable split(SDVariable a, int heads, int dk) {
        return a.reshape(-1, steps, heads, dk).permute(0, 2, 1, 3);
    }

    /** Layer normalisation over the last axis of {@code [b, T, width]} (Ba, Kiros, Hinton 2016). */
    private SDVariable layerNorm(SDVariable x, String n) {
        SDVariable gain = param(n + "g", Init.ONE, 1, width);
        SDVariable bias = param(n + "b", Init.ZERO, 1, width);
        SDVariable centred = x.sub(x.mean(true, 2));
        SDVariable variance = centred.mul(centred).mean(true, 2);
        return centred.div(variance.add(LN_EPS).pow(0.5)).mul(gain.reshape(1, 1, width)).add(bias.reshape(1, 1, width));
    }

    private enum Init { NORMAL, ZERO, ONE }

    private SDVariable param(String name, Init init, long... shape) {
        int length = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = switch (init) {
                case NORMAL -> INIT_STD * rng.nextGaussian();
                case ZERO -> 0;
                case ONE -> 1;
            };
        }
        groups.add(new ParameterGroup(name, offset, length, shape));
        initial.add(v);
        offset += length;
        return sd.var(name, Nd4j.create(v, shape, DataType.DOUBLE).castTo(dtype));
    }

    /** 0 where {@code key <= query}, {@link #MASKED} above the diagonal; {@code [1, 1, T, T]}. */
    private org.nd4j.linalg.api.ndarray.INDArray causalMask() {
        double[] m = new double[steps * steps];
        for (int query = 0; query < steps; query++) {
            for (int key = query + 1; key < steps; key++) {
                m[query * steps + key] = MASKED;
            }
        }
        return Nd4j.create(m, new long[] {1, 1, steps, steps}, DataType.DOUBLE);
    }
}
