package io.adalab.plugin.models.dl4j;

import io.adalab.api.DType;
import io.adalab.api.DataShape;
import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.ModelFactory;
import io.adalab.api.PaperReference;
import io.adalab.api.TrainableModel;
import io.adalab.api.dl4j.Dl4jSequenceModel;
import java.util.Optional;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.pf4j.Extension;

/**
 * {@code char_lstm}: a character-level LSTM language model: a learned embedding of each character,
 * {@code layers} LSTM layers of {@code hidden} units (Hochreiter and Schmidhuber 1997, with forget
 * gates; DL4J's {@code LSTM}, forget-gate bias initialised to 1), and a softmax over the vocabulary
 * at every step, trained on the mean cross-entropy per character. Reports loss and perplexity per
 * character (see {@link Dl4jSequenceModel}).
 *
 * <p>{@code tbptt_length > 0} trains with truncated backpropagation through time: each training
 * sequence is cut into segments of that many characters, the LSTM state carries over from one
 * segment to the next, gradients do not, and the segments' gradients add up to one optimizer step
 * per batch. Weights Xavier, biases 0, no dropout. For comparison, DeepOBS's {@code tolstoi_char_rnn}
 * uses two LSTM layers of 128 units on sequences of 50 characters.
 */
@Extension
public final class CharLstmFactory implements ModelFactory {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .integer("embedding", 32).range(1, 4096).help("size of the character embedding")
        .integer("hidden", 128).range(1, 8192).help("units per LSTM layer")
        .integer("layers", 2).range(1, 4).help("number of stacked LSTM layers")
        .integer("tbptt_length", 0).nonNegative()
            .help("truncated-BPTT segment length in characters; 0 backpropagates through the whole sequence")
        .build();

    @Override public String id() {
        return "char_lstm";
    }

    @Override public String displayName() {
        return "Character-level LSTM";
    }

    @Override public String description() {
        return "Embedding, 1-4 LSTM layers, softmax over the characters; optional truncated BPTT.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(new PaperReference("Hochreiter, Schmidhuber", 1997, "Long short-term memory", "",
            "Neural Computation 9(8)"));
    }

    @Override public TrainableModel create(DataShape shape, Hyperparameters hp, DType dtype, long seed) {
        int steps = Networks.requireSequences(id(), shape);
        int vocab = shape.outputs();
        int embedding = hp.integerAsInt("embedding");
        int hidden = hp.integerAsInt("hidden");
        int tbptt = hp.integerAsInt("tbptt_length");
        // nIn is set on every layer: an input type would reset the embedding's nIn to the feature size
        NeuralNetConfiguration.ListBuilder layers = Networks.start(dtype, seed)
            .layer(new EmbeddingSequenceLayer.Builder().nIn(vocab).nOut(embedding).inputLength(steps).hasBias(false).outputDataFormat(RNNFormat.NCW)
                .weightInit(WeightInit.XAVIER).build());
        int in = embedding;
        for (int i = 0; i < hp.integerAsInt("layers"); i++) {
            layers.layer(new LSTM.Builder().dataFormat(RNNFormat.NCW).nIn(in).nOut(hidden).activation(Activation.TANH)
                .weightInit(WeightInit.XAVIER).build());
            in = hidden;
        }
        layers.layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                .dataFormat(RNNFormat.NCW)
            .nIn(in).nOut(vocab).weightInit(WeightInit.XAVIER).build());
        if (tbptt > 0) {
            layers.backpropType(BackpropType.TruncatedBPTT);
            layers.tBPTTLength(tbptt);
        }
        MultiLayerNetwork net = new MultiLayerNetwork(layers.build());
        net.init();
        return Dl4jSequenceModel.of(net, tbptt);
    }
}
