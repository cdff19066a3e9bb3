package io.adalab.core.train;

import io.adalab.api.Batch;
import io.adalab.api.DType;
import io.adalab.api.ObjectiveFunction;
import io.adalab.api.ParameterGroup;
import io.adalab.api.Vec;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An analytic objective: one "epoch" holds all steps, each a full evaluation of f and its gradient. */
final class ObjectiveSource implements TrainingSource {
    private final ObjectiveFunction f;
    private final DType dtype;
    private final long steps;
    private final Vec scratch;

    ObjectiveSource(ObjectiveFunction f, DType dtype, long steps) {
        this.f = f;
        this.dtype = dtype;
        this.steps = steps;
        this.scratch = Vec.zeros(dtype, f.dimension());
    }

    @Override public DType dtype() {
        return dtype;
    }

    @Override public List<ParameterGroup> groups() {
        return List.of(ParameterGroup.of("x", 0, f.dimension()));
    }

    @Override public void initialParameters(Vec out) {
        f.initialPoint(out);
    }

    @Override public long stepsPerEpoch() {
        return steps;
    }

    @Override public Iterator<Batch> epoch(int epoch) {
        return Collections.nCopies((int) Math.min(steps, Integer.MAX_VALUE), (Batch) null).iterator();
    }

    @Override public double lossAndGradient(Vec params, Batch batch, Vec gradOut) {
        return f.lossAndGradient(params, gradOut);
    }

    @Override public Map<String, Double> evaluate(Vec point) {
        Map<String, Double> m = new LinkedHashMap<>();
        double loss = f.lossAndGradient(point, scratch);
        m.put("final_loss", loss);
        f.minimumValue().ifPresent(min -> m.put("suboptimality", loss - min));
        return m;
    }

    @Override public void close() {
    }
}
