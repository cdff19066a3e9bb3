package io.adalab.plugin.models.dl4j;

import io.adalab.api.DType;
import io.adalab.api.DataShape;
import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.ModelFactory;
import io.adalab.api.PaperReference;
import io.adalab.api.TrainableModel;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.pf4j.Extension;

/**
 * {@code mlp}: a multilayer perceptron, dense hidden layers {@code h_i = act(W_i h_(i-1) + b_i)} of
 * sizes {@code hidden}, then the task's output layer (softmax + cross-entropy, or identity + MSE).
 * An empty {@code hidden} list gives logistic regression.
 *
 * <p>{@code weight_init: auto} picks He for relu, elu, gelu, leakyrelu and swish and Xavier for tanh
 * and sigmoid ({@link HiddenActivation}). {@code dropout} is the probability of <em>dropping</em> a
 * hidden unit's output (PyTorch's convention), applied after every hidden layer, inverted (kept
 * units scaled by {@code 1/(1-p)} in training) and off in evaluation. DL4J's {@code dropOut(x)}
 * takes the probability of <em>retaining</em> a layer's input instead, so we pass {@code 1 - p} to
 * every layer after the first; the raw features are never dropped. Dropout masks come from ND4J's
 * random generator of the training thread.
 *
 * <p>Rumelhart, D. E., Hinton, G. E., Williams, R. J. (1986). Learning representations by
 * back-propagating errors. Nature 323, 533-536.
 */
@Extension
public final class MlpFactory implements ModelFactory {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .integerList("hidden", List.of(64L)).min(1).help("sizes of the hidden layers, input side first")
        .choice("activation", "relu", HiddenActivation.choices()).help("activation of the hidden layers")
        .choice("weight_init", "auto", "auto", "xavier", "he", "lecun")
            .help("initial weights: auto (he for the relu family, xavier for tanh and sigmoid), "
                + "xavier N(0, 2/(fan_in+fan_out)), he N(0, 2/fan_in), lecun N(0, 1/fan_in); biases start at 0")
        .real("dropout", 0.0).min(0).below(1)
            .help("probability of dropping each hidden unit's output in training (0: no dropout)")
        .build();

    @Override public String id() {
        return "mlp";
    }

    @Override public String displayName() {
        return "Multilayer perceptron";
    }

    @Override public String description() {
        return "Fully connected network with configurable hidden layers, activation, initialisation and dropout.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(new PaperReference("Rumelhart, Hinton, Williams", 1986,
            "Learning representations by back-propagating errors", "", "Nature 323"));
    }

    @Override public TrainableModel create(DataShape shape, Hyperparameters hp, DType dtype, long seed) {
        HiddenActivation act = HiddenActivation.of(hp.string("activation"));
        String initChoice = hp.string("weight_init");
        WeightInitChoice init = initChoice.equals("auto") ? act.defaultInit() : WeightInitChoice.of(initChoice);
        double retain = 1 - hp.real("dropout");
        List<Long> hidden = hp.integerList("hidden");
        NeuralNetConfiguration.ListBuilder layers = Networks.start(dtype, seed);
        for (int i = 0; i < hidden.size(); i++) {
            DenseLayer.Builder dense = new DenseLayer.Builder().nOut(hidden.get(i)).activation(act.dl4j())
                .weightInit(init.dl4j());
            if (i > 0 && retain < 1) {
                dense.dropOut(retain);
            }
            layers.layer(dense.build());
        }
        // the output layer's input is the last hidden layer's output: dropped like the others
        double outputRetain = hidden.isEmpty() ? 1 : retain;
        return Networks.finish(layers.layer(Networks.output(id(), shape, init, outputRetain)), id(), shape);
    }
}
