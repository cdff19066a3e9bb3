package io.adalab.plugin.models.dl4j;

import io.adalab.api.DType;
import io.adalab.api.DataShape;
import io.adalab.api.HyperparameterException;
import io.adalab.api.Task;
import io.adalab.api.TrainableModel;
import io.adalab.api.dl4j.Dl4jModel;
import java.util.Arrays;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.distribution.TruncatedNormalDistribution;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** What every model of this plugin shares: the network defaults, the output layer and the wrapping. */
final class Networks {
    private Networks() {
    }

    /**
     * Starts a layer list: the seed fixes the initial parameters, the precision is the run's, the
     * updater is DL4J's no-op (the platform's optimizer updates the parameters; {@code fit} is
     * never called) and there is no regularisation (weight decay belongs to the optimizer).
     */
    static NeuralNetConfiguration.ListBuilder start(DType dtype, long seed) {
        return new NeuralNetConfiguration.Builder()
            .seed(seed)
            .dataType(dtype == DType.FLOAT64 ? DataType.DOUBLE : DataType.FLOAT)
            .updater(new NoOp())
            .list();
    }

    /**
     * The output layer for {@code shape}'s task: softmax with mean cross-entropy for
     * classification; identity with mean squared error for regression (DL4J's {@code MSE} averages
     * the squared errors over the outputs of an example, then the trainer's loss over examples).
     *
     * @param retain DL4J's dropout on this layer's input, as the probability of keeping a unit (1: none)
     * @throws HyperparameterException naming {@code task} for other tasks
     */
    static OutputLayer output(String model, DataShape shape, WeightInitChoice init, double retain) {
        OutputLayer.Builder b = switch (shape.task()) {
            case CLASSIFICATION -> new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .activation(Activation.SOFTMAX);
            case REGRESSION -> new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                .activation(Activation.IDENTITY);
            default -> throw new HyperparameterException("task", model + " supports CLASSIFICATION and REGRESSION, not "
                + shape.task());
        };
        b.nOut(shape.outputs()).weightInit(init.dl4j());
        if (retain < 1) {
            b.dropOut(retain);
        }
        return b.build();
    }

    /**
     * The input type for {@code shape}: flat features, or {@code [channels, height, width]} images,
     * which DL4J flattens in front of the first dense layer.
     */
    static InputType inputType(String model, DataShape shape) {
        long[] f = shape.features();
        if (f.length == 1) {
            return InputType.feedForward(f[0]);
        }
        if (f.length == 3) {
            return InputType.convolutional(f[1], f[2], f[0]);
        }
        throw new HyperparameterException("features", model + " takes flat features or [channels, height, width]"
            + " images, not examples of shape " + Arrays.toString(f));
    }

    /**
     * TensorFlow's {@code truncated_normal_initializer(stddev)}, which DeepOBS uses: {@code N(0, std^2)}
     * redrawn outside two standard deviations (so the actual spread is about {@code 0.88 std}).
     */
    static IWeightInit truncatedNormal(double std) {
        return new WeightInitDistribution(new TruncatedNormalDistribution(0, std));
    }

    /**
     * The image shape {@code [channels, height, width]} of a classification dataset.
     *
     * @throws HyperparameterException naming {@code task} or {@code features} otherwise
     */
    static long[] requireImages(String model, DataShape shape) {
        if (shape.task() != Task.CLASSIFICATION) {
            throw new HyperparameterException("task", model + " supports CLASSIFICATION, not " + shape.task());
        }
        long[] f = shape.features();
        if (f.length != 3) {
            throw new HyperparameterException("features", model + " takes [channels, height, width] images, not examples of "
                + "shape " + Arrays.toString(f));
        }
        return f;
    }

    /**
     * The sequence length of a language-model dataset ({@code features = [T]}).
     *
     * @throws HyperparameterException naming {@code task} or {@code features} otherwise
     */
    static int requireSequences(String model, DataShape shape) {
        if (shape.task() != Task.LANGUAGE_MODEL) {
            throw new HyperparameterException("task", model + " supports LANGUAGE_MODEL, not " + shape.task());
        }
        long[] f = shape.features();
        if (f.length != 1) {
            throw new HyperparameterException("features", model + " takes token sequences [T], not examples of shape "
                + Arrays.toString(f));
        }
        return Math.toIntExact(f[0]);
    }

    /** Builds, initialises (from the configured seed) and wraps the network. */
    static TrainableModel finish(NeuralNetConfiguration.ListBuilder layers, String model, DataShape shape) {
        MultiLayerConfiguration conf = layers.setInputType(inputType(model, shape)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return Dl4jModel.of(net, shape.task());
    }
}
