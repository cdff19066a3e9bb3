package io.adalab.api.dl4j;

import io.adalab.api.Batch;
import io.adalab.api.DType;
import io.adalab.api.Evaluation;
import io.adalab.api.ParameterGroup;
import io.adalab.api.Task;
import io.adalab.api.TrainableModel;
import io.adalab.api.Vec;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A {@link MultiLayerNetwork} as a {@link TrainableModel}. DL4J computes the loss and the flattened
 * gradient; the platform's optimizer updates a heap copy of the parameters, which this adapter
 * copies into the network before each computation (one bulk copy, cheap next to a forward pass).
 *
 * <p>DL4J returns the gradient summed over the minibatch; this adapter divides by the batch size so
 * optimizers see the gradient of the mean loss, as in PyTorch. Configure networks without
 * regularisation: DL4J's L2 shows in the score but not in the gradient, and weight decay belongs to
 * the optimizer.
 */
public final class Dl4jModel implements TrainableModel {
    private final MultiLayerNetwork net;
    private final Task task;
    private final DType dtype;
    private final List<ParameterGroup> groups;

    private Dl4jModel(MultiLayerNetwork net, Task task) {
        this.net = net;
        this.task = task;
        this.dtype = Dl4jLayout.dtype(net);
        this.groups = Dl4jLayout.groups(net);
    }

    /** Wraps an initialised network ({@code net.init()} already called). */
    public static Dl4jModel of(MultiLayerNetwork net, Task task) {
        return new Dl4jModel(net, task);
    }

    /** The wrapped network. */
    public MultiLayerNetwork network() {
        return net;
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

    @Override public double lossAndGradient(Vec params, Batch batch, Vec gradOut) {
        NioCopy.toNative(params, net.params());
        net.setInput(batch.features());
        net.setLabels(batch.labels());
        net.setLayerMaskArrays(batch.featuresMask(), batch.labelsMask());
        net.computeGradientAndScore();
        double loss = net.score();
        INDArray g = net.getFlattenedGradients();
        NioCopy.toHeap(g, gradOut, 1.0 / batch.size());
        return loss;
    }

    @Override public Evaluation evaluate(Vec params, Batch batch) {
        NioCopy.toNative(params, net.params());
        DataSet ds = new DataSet(batch.features(), batch.labels(), batch.featuresMask(), batch.labelsMask());
        INDArray perExample = net.scoreExamples(ds, false);
        double lossSum = perExample.sumNumber().doubleValue();
        long correct = 0;
        if (task == Task.CLASSIFICATION) {
            INDArray out = net.output(batch.features(), false);
            INDArray predicted = out.argMax(1);
            INDArray actual = batch.labels().argMax(1);
            correct = predicted.eq(actual).castTo(DataType.INT32).sumNumber().longValue();
        }
        return new Evaluation(lossSum, correct, batch.size());
    }
}
