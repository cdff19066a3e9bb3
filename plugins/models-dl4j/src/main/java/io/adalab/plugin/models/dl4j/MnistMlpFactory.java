package io.adalab.plugin.models.dl4j;

import io.adalab.api.DType;
import io.adalab.api.DataShape;
import io.adalab.api.HyperparameterException;
import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.ModelFactory;
import io.adalab.api.PaperReference;
import io.adalab.api.Task;
import io.adalab.api.TrainableModel;
import java.util.Optional;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.pf4j.Extension;

/**
 * {@code mnist_mlp}: DeepOBS's {@code mnist_mlp} network ({@code deepobs/tensorflow/testproblems/_mlp.py}):
 * the image flattened, dense 1000, 500 and 100 with ReLU, then dense to the classes with softmax
 * cross-entropy; weights from a truncated normal with standard deviation 0.03, biases 0. 1,336,610
 * parameters on 28x28 images.
 *
 * <p>Schneider, F., Balles, L., Hennig, P. (2019). DeepOBS: A Deep Learning Optimizer Benchmark
 * Suite. ICLR 2019, arXiv:1903.05499.
 */
@Extension
public final class MnistMlpFactory implements ModelFactory {
    private static final double STD = 0.03;

    @Override public String id() {
        return "mnist_mlp";
    }

    @Override public String displayName() {
        return "DeepOBS MNIST MLP";
    }

    @Override public String description() {
        return "DeepOBS mnist_mlp: 784-1000-500-100-10, ReLU, truncated-normal(0.03) weights, biases 0.";
    }

    @Override public HyperparameterSchema schema() {
        return HyperparameterSchema.empty();
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(PaperReference.arxiv("Schneider, Balles, Hennig", 2019,
            "DeepOBS: A Deep Learning Optimizer Benchmark Suite", "1903.05499", "ICLR 2019"));
    }

    @Override public TrainableModel create(DataShape shape, Hyperparameters hp, DType dtype, long seed) {
        if (shape.task() != Task.CLASSIFICATION) {
            throw new HyperparameterException("task", id() + " supports CLASSIFICATION, not " + shape.task());
        }
        IWeightInit init = Networks.truncatedNormal(STD);
        NeuralNetConfiguration.ListBuilder layers = Networks.start(dtype, seed);
        for (int units : new int[] {1000, 500, 100}) {
            layers.layer(new DenseLayer.Builder().nOut(units).activation(Activation.RELU).weightInit(init).biasInit(0)
                .build());
        }
        return Networks.finish(layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
            .activation(Activation.SOFTMAX).nOut(shape.outputs()).weightInit(init).biasInit(0).build()), id(), shape);
    }
}
