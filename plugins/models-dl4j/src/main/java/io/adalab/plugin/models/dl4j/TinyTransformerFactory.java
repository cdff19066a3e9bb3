package io.adalab.plugin.models.dl4j;

import io.adalab.api.DType;
import io.adalab.api.DataShape;
import io.adalab.api.HyperparameterException;
import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.ModelFactory;
import io.adalab.api.PaperReference;
import io.adalab.api.TrainableModel;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.pf4j.Extension;

/**
 * {@code tiny_transformer}: a small causal self-attention language model in the GPT-2 mould, the
 * "large language model" case in miniature. Token embedding plus learned position embedding,
 * {@code blocks} pre-norm decoder blocks ({@link TransformerBlockLayer}: causal multi-head
 * attention and a GELU MLP of {@code 4 * width} units, each with a residual connection), a final
 * layer norm and a softmax over the vocabulary at every position. One SameDiff graph
 * ({@link TransformerGraph}); every tensor is a parameter group ({@code "E"}, {@code "P"},
 * {@code "b0_q_W"}, {@code "b0_ln1_g"}, ..., {@code "head_W"}). Weights from {@code N(0, 0.02^2)},
 * biases 0, layer-norm gains 1; no dropout, no weight tying. The sequence length is the dataset's
 * {@code seq_length}.
 *
 * <p>Not built from DL4J's {@code SameDiffLayer}: in 1.0.0-M2.1 its backward pass returned twice
 * the gradient (parameters and input) in our finite-difference checks, and its per-layer graphs
 * were several times slower.
 *
 * <p>Vaswani, A. et al. (2017). Attention is all you need. NeurIPS 2017, arXiv:1706.03762; the
 * pre-norm decoder-only layout of Radford, A. et al. (2019), Language models are unsupervised
 * multitask learners (GPT-2).
 */
@Extension
public final class TinyTransformerFactory implements ModelFactory {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .integer("width", 64).range(2, 4096).help("model width: embedding and residual stream size")
        .integer("heads", 4).range(1, 64).help("attention heads; must divide width")
        .integer("blocks", 2).range(1, 48).help("number of transformer blocks")
        .build();

    @Override public String id() {
        return "tiny_transformer";
    }

    @Override public String displayName() {
        return "Tiny causal transformer";
    }

    @Override public String description() {
        return "Token + position embedding, N pre-norm blocks of causal multi-head self-attention and MLP, "
            + "layer norm, softmax; a GPT in miniature.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(PaperReference.arxiv("Vaswani, Shazeer, Parmar, Uszkoreit, Jones, Gomez, Kaiser, Polosukhin",
            2017, "Attention is all you need", "1706.03762", "NeurIPS 2017"));
    }

    @Override public TrainableModel create(DataShape shape, Hyperparameters hp, DType dtype, long seed) {
        int steps = Networks.requireSequences(id(), shape);
        int vocab = shape.outputs();
        int width = hp.integerAsInt("width");
        int heads = hp.integerAsInt("heads");
        if (width % heads != 0) {
            throw new HyperparameterException("heads", "heads (" + heads + ") must divide width (" + width + ")");
        }
        TransformerGraph graph = new TransformerGraph(dtype == DType.FLOAT64 ? DataType.DOUBLE : DataType.FLOAT, seed,
            vocab, steps, width, heads, hp.integerAsInt("blocks"));
        return new SameDiffLanguageModel(graph, dtype);
    }
}
