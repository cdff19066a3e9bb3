package io.adalab.plugin.models.dl4j;

import io.adalab.api.Batch;
import io.adalab.api.DType;
import io.adalab.api.Evaluation;
import io.adalab.api.ParameterGroup;
import io.adalab.api.TrainableModel;
import io.adalab.api.Vec;
import io.adalab.api.dl4j.Dl4jSequenceModel;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A language model defined as one SameDiff graph ({@link TransformerGraph}) as a
 * {@link TrainableModel}. Each call copies the platform's parameters into the graph's variables,
 * one bulk copy per parameter group, and the gradients back. Loss and gradient are those of the
 * mean cross-entropy per predicted token, the batch layout and the evaluation are those of
 * {@link Dl4jSequenceModel}.
 */
final class SameDiffLanguageModel implements TrainableModel {
    private final SameDiff sd;
    private final List<ParameterGroup> groups;
    private final List<double[]> initial;
    private final DType dtype;
    private final List<String> names = new ArrayList<>();

    SameDiffLanguageModel(TransformerGraph graph, DType dtype) {
        this.sd = graph.sd;
        this.groups = List.copyOf(graph.groups);
        this.initial = List.copyOf(graph.initial);
        this.dtype = dtype;
        for (ParameterGroup g : groups) {
            names.add(g.name());
        }
    }

    @Override public DType dtype() {
        return dtype;
    }

    @Override public List<ParameterGroup> groups() {
        return groups;
    }

    @Override public void initialParameters(Vec out) {
        for (int i = 0; i < groups.size(); i++) {
            double[] v = initial.get(i);
            for (int k = 0; k < v.length; k++) {
                out.set(groups.get(i).offset() + k, v[k]);
            }
        }
    }

    @Override public double lossAndGradient(Vec params, Batch batch, Vec gradOut) {
        load(params);
        long tokens = Dl4jSequenceModel.tokens(batch);
        OutAndGrad r = sd.calculateGradientsAndOutputs(placeholders(batch), List.of("loss"), names);
        Map<String, INDArray> grads = r.getGradients();
        for (ParameterGroup g : groups) {
            copy(grads.get(g.name()), gradOut, g.offset(), g.length(), tokens == 0 ? 0 : 1.0 / tokens);
        }
        return tokens == 0 ? 0 : r.getOutputs().get("loss").getDouble(0) / tokens;
    }

    @Override public Evaluation evaluate(Vec params, Batch batch) {
        load(params);
        INDArray logp = sd.output(placeholders(batch), "logp").get("logp");
        return Dl4jSequenceModel.evaluation(Nd4j.math().exp(logp), batch);
    }

    private Map<String, INDArray> placeholders(Batch batch) {
        Map<String, INDArray> ph = new HashMap<>();
        INDArray x = batch.features();
        ph.put("x", x);
        ph.put("y", batch.labels());
        ph.put("m", batch.labelsMask() != null ? batch.labelsMask().castTo(x.dataType())
            : Nd4j.ones(x.dataType(), x.size(0), x.size(1)));
        return ph;
    }

    /** Copies the platform's parameters into the graph's variables. */
    private void load(Vec params) {
        for (ParameterGroup g : groups) {
            INDArray a = sd.getVariable(g.name()).getArr();
            if (params instanceof Vec.F32 f) {
                FloatBuffer b = a.data().asNioFloat();
                b.position((int) a.offset());
                b.put(f.array(), g.offset(), g.length());
            } else {
                DoubleBuffer b = a.data().asNioDouble();
                b.position((int) a.offset());
                b.put(((Vec.F64) params).array(), g.offset(), g.length());
            }
        }
    }

    private static void copy(INDArray src, Vec dst, int offset, int length, double scale) {
        INDArray c = src.dup('c');
        if (dst instanceof Vec.F32 f) {
            FloatBuffer b = c.data().asNioFloat();
            b.position((int) c.offset());
            b.get(f.array(), offset, length);
            float s = (float) scale;
            float[] a = f.array();
            for (int i = offset; i < offset + length; i++) {
                a[i] *= s;
            }
        } else {
            DoubleBuffer b = c.data().asNioDouble();
            b.position((int) c.offset());
            double[] a = ((Vec.F64) dst).array();
            b.get(a, offset, length);
            for (int i = offset; i < offset + length; i++) {
                a[i] *= scale;
            }
        }
    }
}
