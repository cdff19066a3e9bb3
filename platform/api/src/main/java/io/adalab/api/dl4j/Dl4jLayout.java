package io.adalab.api.dl4j;

import io.adalab.api.DType;
import io.adalab.api.ParameterGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Where a network's tensors sit in its flat parameter vector, and their precision. */
final class Dl4jLayout {
    private Dl4jLayout() {
    }

    /** The precision of the network's parameters. */
    static DType dtype(MultiLayerNetwork net) {
        return net.params().dataType() == DataType.DOUBLE ? DType.FLOAT64 : DType.FLOAT32;
    }

    /**
     * One group per tensor, in the parameter table's order, which is DL4J's storage order (a
     * convolution layer keeps its bias before its weights).
     *
     * @throws IllegalStateException if the table does not tile the flat vector
     */
    static List<ParameterGroup> groups(MultiLayerNetwork net) {
        List<ParameterGroup> gs = new ArrayList<>();
        int offset = 0;
        for (Map.Entry<String, INDArray> e : net.paramTable().entrySet()) {
            int len = (int) e.getValue().length();
            gs.add(new ParameterGroup(e.getKey(), offset, len, e.getValue().shape()));
            offset += len;
        }
        if (offset != net.params().length()) {
            throw new IllegalStateException("parameter table covers " + offset + " of " + net.params().length() + " parameters");
        }
        return List.copyOf(gs);
    }
}
