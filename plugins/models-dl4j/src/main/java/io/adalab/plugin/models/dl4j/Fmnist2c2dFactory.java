package io.adalab.plugin.models.dl4j;

import io.adalab.api.DType;
import io.adalab.api.DataShape;
import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.ModelFactory;
import io.adalab.api.PaperReference;
import io.adalab.api.TrainableModel;
import java.util.Optional;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.pf4j.Extension;

/**
 * {@code fmnist_2c2d}: DeepOBS's {@code fmnist_2c2d} test problem network, exactly as DeepOBS
 * defines it ({@code deepobs/tensorflow/testproblems/_2c2d.py}): conv 5x5, 32 filters, "same"
 * padding, ReLU; max-pool 2x2 stride 2; conv 5x5, 64 filters, "same", ReLU; max-pool 2x2 stride 2;
 * dense 1024, ReLU; dense to the classes; softmax cross-entropy (mean over the batch). Every kernel
 * is drawn from a truncated normal with standard deviation 0.05 and every bias starts at 0.05; no
 * weight decay, no dropout. On 28x28 Fashion-MNIST it has 3,274,634 parameters.
 *
 * <p>DL4J lays images out as channels first (NCHW) and flattens the last feature map as
 * {@code [channel, row, column]}, TensorFlow as {@code [row, column, channel]}: a fixed permutation
 * of the first dense layer's rows, the same function class and initial distribution. The
 * initialiser's random numbers differ from TensorFlow's.
 *
 * <p>Schneider, F., Balles, L., Hennig, P. (2019). DeepOBS: A Deep Learning Optimizer Benchmark
 * Suite. ICLR 2019, arXiv:1903.05499.
 */
@Extension
public final class Fmnist2c2dFactory implements ModelFactory {
    private static final double STD = 0.05;
    private static final double BIAS = 0.05;

    @Override public String id() {
        return "fmnist_2c2d";
    }

    @Override public String displayName() {
        return "DeepOBS 2c2d CNN";
    }

    @Override public String description() {
        return "DeepOBS fmnist_2c2d: two 5x5 conv layers (32, 64) with max-pooling, dense 1024, softmax; "
            + "truncated-normal(0.05) weights, biases 0.05.";
    }

    @Override public HyperparameterSchema schema() {
        return HyperparameterSchema.empty();
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(PaperReference.arxiv("Schneider, Balles, Hennig", 2019,
            "DeepOBS: A Deep Learning Optimizer Benchmark Suite", "1903.05499", "ICLR 2019"));
    }

    @Override public TrainableModel create(DataShape shape, Hyperparameters hp, DType dtype, long seed) {
        Networks.requireImages(id(), shape);
        IWeightInit init = Networks.truncatedNormal(STD);
        return Networks.finish(Networks.start(dtype, seed)
            .layer(conv(32, init))
            .layer(pool())
            .layer(conv(64, init))
            .layer(pool())
            .layer(new DenseLayer.Builder().nOut(1024).activation(Activation.RELU).weightInit(init).biasInit(BIAS).build())
            .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                .nOut(shape.outputs()).weightInit(init).biasInit(BIAS).build()), id(), shape);
    }

    private static ConvolutionLayer conv(int filters, IWeightInit init) {
        return new ConvolutionLayer.Builder(5, 5).nOut(filters).stride(1, 1).convolutionMode(ConvolutionMode.Same)
            .activation(Activation.RELU).weightInit(init).biasInit(BIAS).build();
    }

    /** DeepOBS pools with padding "same"; on even sizes (28, 14) that equals no padding. */
    static SubsamplingLayer pool() {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
            .convolutionMode(ConvolutionMode.Same).build();
    }
}
