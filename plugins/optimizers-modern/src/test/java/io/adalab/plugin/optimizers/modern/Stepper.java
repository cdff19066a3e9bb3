package io.adalab.plugin.optimizers.modern;

import io.adalab.api.Buffers;
import io.adalab.api.Hyperparameters;
import io.adalab.api.Optimizer;
import io.adalab.api.ParameterGroup;
import io.adalab.api.UpdateRule;
import io.adalab.api.Vec;
import io.adalab.testkit.SimpleStepContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One run of a rule on given parameters and groups, stepped with gradients chosen by the test. */
final class Stepper {
    private final UpdateRule rule;
    private final Buffers buffers;
    private final SimpleStepContext ctx;

    /**
     * @param groupSizes lengths of consecutive parameter groups; none means one group
     */
    Stepper(Optimizer optimizer, Map<String, ?> config, double[] x0, int... groupSizes) {
        Hyperparameters h = optimizer.schema().resolve(config);
        rule = optimizer.create(h);
        List<ParameterGroup> groups = new ArrayList<>();
        int offset = 0;
        for (int size : groupSizes.length == 0 ? new int[] {x0.length} : groupSizes) {
            groups.add(ParameterGroup.of("g" + groups.size(), offset, size));
            offset += size;
        }
        buffers = Buffers.allocate(rule, Vec.of(x0.clone()), Vec.zeros(io.adalab.api.DType.FLOAT64, x0.length), groups);
        rule.initialize(buffers);
        ctx = new SimpleStepContext(h.real("lr"), 7);
    }

    /** Takes one step with {@code grad} and returns the new parameters. */
    double[] step(double... grad) {
        for (int i = 0; i < grad.length; i++) {
            buffers.grad().set(i, grad[i]);
        }
        rule.step(buffers, ctx.next());
        return params();
    }

    double[] params() {
        return buffers.params().toDoubleArray();
    }
}
