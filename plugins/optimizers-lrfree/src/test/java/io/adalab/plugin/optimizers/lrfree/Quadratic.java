package io.adalab.plugin.optimizers.lrfree;

import io.adalab.api.Buffers;
import io.adalab.api.DType;
import io.adalab.api.Optimizer;
import io.adalab.api.ParameterGroup;
import io.adalab.api.UpdateRule;
import io.adalab.api.Vec;
import io.adalab.testkit.SimpleStepContext;
import java.util.List;
import java.util.Map;

/**
 * A run on the diagonal quadratic f(x) = 0.5 sum l_i (x_i - c_i)^2, curvatures log-spaced from 0.1 to 1,
 * in two parameter groups, starting at x0 with distance {@link #distance()} to the optimum c.
 */
final class Quadratic {
    final double[] curvature;
    final double[] center;
    final UpdateRule rule;
    final Buffers buffers;
    final SimpleStepContext context;

    Quadratic(Optimizer optimizer, Map<String, ?> hyperparameters, int n, double lr) {
        curvature = new double[n];
        center = new double[n];
        Vec params = Vec.zeros(DType.FLOAT64, n);
        for (int i = 0; i < n; i++) {
            curvature[i] = Math.pow(10, -1 + i / (n - 1.0));
            center[i] = 3 * Math.sin(i + 1.0);
            params.set(i, Math.cos(2.0 * i));
        }
        rule = optimizer.create(optimizer.schema().resolve(hyperparameters, Fixtures.resolver()));
        int half = n / 2;
        buffers = Buffers.allocate(rule, params, Vec.zeros(DType.FLOAT64, n),
            List.of(ParameterGroup.of("a", 0, half), ParameterGroup.of("b", half, n - half)));
        rule.initialize(buffers);
        context = new SimpleStepContext(lr, 7);
    }

    /** One step with the exact gradient; returns the loss before it. */
    double step() {
        double f = loss(buffers.params());
        for (int i = 0; i < center.length; i++) {
            buffers.grad().set(i, curvature[i] * (buffers.params().get(i) - center[i]));
        }
        context.next().withLoss(f);
        rule.step(buffers, context);
        return f;
    }

    double loss(Vec x) {
        double f = 0;
        for (int i = 0; i < center.length; i++) {
            double d = x.get(i) - center[i];
            f += 0.5 * curvature[i] * d * d;
        }
        return f;
    }

    /** ||x - c|| at the current parameters. */
    double distance() {
        double s = 0;
        for (int i = 0; i < center.length; i++) {
            double d = buffers.params().get(i) - center[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
