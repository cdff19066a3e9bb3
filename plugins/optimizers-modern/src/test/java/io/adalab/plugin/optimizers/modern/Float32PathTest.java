package io.adalab.plugin.optimizers.modern;

import static org.assertj.core.api.Assertions.assertThat;

import io.adalab.api.Buffers;
import io.adalab.api.Hyperparameters;
import io.adalab.api.Optimizer;
import io.adalab.api.ParameterGroup;
import io.adalab.api.UpdateRule;
import io.adalab.api.Vec;
import io.adalab.testkit.SimpleStepContext;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The float32 fast paths agree with the float64 loops to float precision: the same float-representable
 * start and gradients, 20 steps in each precision, then the displacement of the parameters and
 * every state slot must agree to a relative difference below 1e-5 (max norm).
 */
class Float32PathTest {
    private static final int N = 1003;
    private static final int STEPS = 20;
    private static final double TOLERANCE = 1e-5;

    @TestFactory
    Stream<DynamicTest> float32PathMatchesFloat64Path() {
        return Stream.of(
            of(new Lion(), Map.of("lr", 0.01)),
            of(new Lion(), Map.of("lr", 0.01, "weight_decay", 0.1, "beta1", 0.5)),
            of(new AdaBelief(), Map.of("lr", 0.01)),
            of(new AdaBelief(), Map.of("lr", 0.01, "rectify", false, "weight_decay", 0.1)),
            of(new AdaBelief(), Map.of("lr", 0.01, "rectify", false, "decoupled_weight_decay", false, "weight_decay", 0.1)),
            of(new AdaBelief(), Map.of("lr", 0.01, "amsgrad", true, "rectify", false))
        ).map(c -> DynamicTest.dynamicTest(c.optimizer().id() + " " + c.config(), () -> compare(c.optimizer(), c.config())));
    }

    @Test
    void lionFloat32SignIsExactAtZeroAndSubnormals() {
        UpdateRule rule = new Lion().create(new Lion().schema().resolve(Map.of("lr", 0.5)));
        Vec p = Vec.of(new float[] {1, 1, 1, 1});
        Vec g = Vec.of(new float[] {0, Float.MIN_VALUE * 10, -Float.MIN_VALUE * 10, 3});
        Buffers b = Buffers.allocate(rule, p, g, List.of(ParameterGroup.of("a", 0, 4)));
        rule.step(b, new SimpleStepContext(0.5, 1).next());
        assertThat(((Vec.F32) p).array()).containsExactly(1f, 0.5f, 1.5f, 0.5f);
    }

    private record Case(Optimizer optimizer, Map<String, ?> config) {
    }

    private static Case of(Optimizer optimizer, Map<String, ?> config) {
        return new Case(optimizer, config);
    }

    private static void compare(Optimizer optimizer, Map<String, ?> config) {
        Hyperparameters h = optimizer.schema().resolve(config);
        SplittableRandom random = new SplittableRandom(42);
        float[] x0 = new float[N];
        for (int i = 0; i < N; i++) {
            x0[i] = (float) (random.nextDouble() * 2 - 1);
        }
        float[][] grads = new float[STEPS][N];
        for (float[] g : grads) {
            for (int i = 0; i < N; i++) {
                g[i] = (float) (random.nextGaussian() * 0.5 + 0.1);
            }
        }
        Buffers f32 = run(optimizer.create(h), h, Vec.of(x0.clone()), grads);
        double[] x64 = new double[N];
        for (int i = 0; i < N; i++) {
            x64[i] = x0[i];
        }
        Buffers f64 = run(optimizer.create(h), h, Vec.of(x64), grads);
        double[] start = Vec.of(x0).toDoubleArray();
        assertThat(relativeDifference(minus(f32.params().toDoubleArray(), start), minus(f64.params().toDoubleArray(), start)))
            .as("parameter displacement").isLessThan(TOLERANCE);
        for (int k = 0; k < f64.slotCount(); k++) {
            assertThat(relativeDifference(f32.slot(k).toDoubleArray(), f64.slot(k).toDoubleArray()))
                .as("slot %d", k).isLessThan(TOLERANCE);
        }
    }

    private static Buffers run(UpdateRule rule, Hyperparameters h, Vec params, float[][] grads) {
        Vec grad = Vec.zeros(params.dtype(), N);
        Buffers b = Buffers.allocate(rule, params, grad, List.of(ParameterGroup.of("a", 0, 500), ParameterGroup.of("b", 500, N - 500)));
        rule.initialize(b);
        SimpleStepContext ctx = new SimpleStepContext(h.real("lr"), 7);
        for (float[] g : grads) {
            for (int i = 0; i < N; i++) {
                grad.set(i, g[i]);
            }
            rule.step(b, ctx.next());
        }
        assertThat(params.dtype()).isEqualTo(grad.dtype());
        return b;
    }

    private static double[] minus(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
        return out;
    }

    /** max |a - b| / max |b| (0 if both are zero). */
    private static double relativeDifference(double[] a, double[] b) {
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < a.length; i++) {
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(b[i]));
        }
        return scale == 0 ? diff : diff / scale;
    }
}
