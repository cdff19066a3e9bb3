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
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.pf4j.Extension;

/**
 * {@code lenet5}: a LeNet-5-style CNN: conv 5x5, 6 filters, "same" padding (LeCun's 32x32 input
 * becomes padding of a 28x28 one); max-pool 2x2; conv 5x5, 16 filters, no padding; max-pool 2x2;
 * dense 120; dense 84; softmax over the classes. About 61,700 parameters on 28x28 images.
 *
 * <p>Where it differs from the 1998 network: max-pooling instead of trainable sub-sampling, ReLU
 * (or tanh) instead of the scaled tanh, full connections between the conv layers instead of
 * LeCun's partial table, and softmax cross-entropy instead of RBF outputs. Weights He (ReLU) or
 * Xavier (tanh), biases 0. LeCun, Y., Bottou, L., Bengio, Y., Haffner, P. (1998). Gradient-based
 * learning applied to document recognition. Proceedings of the IEEE 86(11), 2278-2324.
 */
@Extension
public final class LeNet5Factory implements ModelFactory {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .choice("activation", "relu", "relu", "tanh").help("activation of the conv and dense layers")
        .build();

    @Override public String id() {
        return "lenet5";
    }

    @Override public String displayName() {
        return "LeNet-5-style CNN";
    }

    @Override public String description() {
        return "conv 5x5x6, max-pool, conv 5x5x16, max-pool, dense 120, dense 84, softmax.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(new PaperReference("LeCun, Bottou, Bengio, Haffner", 1998,
            "Gradient-based learning applied to document recognition", "", "Proceedings of the IEEE 86(11)"));
    }

    @Override public TrainableModel create(DataShape shape, Hyperparameters hp, DType dtype, long seed) {
        long[] image = Networks.requireImages(id(), shape);
        if (image[1] < 10 || image[2] < 10) {
            throw new HyperparameterException("features", id() + " needs images of at least 10x10 (the second 5x5 "
                + "convolution is unpadded), not " + image[1] + "x" + image[2]);
        }
        HiddenActivation act = HiddenActivation.of(hp.string("activation"));
        WeightInitChoice init = act.defaultInit();
        return Networks.finish(Networks.start(dtype, seed)
            .layer(new ConvolutionLayer.Builder(5, 5).nOut(6).convolutionMode(ConvolutionMode.Same)
                .activation(act.dl4j()).weightInit(init.dl4j()).build())
            .layer(Fmnist2c2dFactory.pool())
            .layer(new ConvolutionLayer.Builder(5, 5).nOut(16).convolutionMode(ConvolutionMode.Truncate)
                .activation(act.dl4j()).weightInit(init.dl4j()).build())
            .layer(Fmnist2c2dFactory.pool())
            .layer(new DenseLayer.Builder().nOut(120).activation(act.dl4j()).weightInit(init.dl4j()).build())
            .layer(new DenseLayer.Builder().nOut(84).activation(act.dl4j()).weightInit(init.dl4j()).build())
            .layer(Networks.output(id(), shape, init, 1)), id(), shape);
    }
}
