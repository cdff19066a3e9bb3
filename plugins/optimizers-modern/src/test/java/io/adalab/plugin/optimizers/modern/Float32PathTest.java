package io.adalab.plugin.optimizers.modern;

import static org.assertj.core.api.Assertions.assertThat;

import io.adalab.api.Buffers;
import io.adalab.api.Optimizer;
import io.adalab.api.ParameterGroup;
import io.adalab.api.UpdateRule;
import io.adalab.api.Vec;
import io.adalab.testkit.KitOptions;
import io.adalab.testkit.OptimizerKit;
import io.adalab.testkit.SimpleStepContext;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The float32 fast paths agree with the float64 loops (the kit's check {@value
 * OptimizerKit#FLOAT32_AGREES_WITH_FLOAT64}, which {@link CompatibilityKitTest} runs for each of its
 * configurations) also in the configurations that test leaves out: Lion with weight decay and another
 * beta1, and AdaBelief's unrectified float path with coupled and decoupled weight decay; Lion's float
 * sign at zero and at subnormals is pinned exactly.
 */
class Float32PathTest {

    @TestFactory
    Stream<DynamicTest> float32PathMatchesFloat64Path() {
        return Stream.of(
            Map.entry((Optimizer) new Lion(), Map.of("lr", 0.01, "weight_decay", 0.1, "beta1", 0.5)),
            Map.entry((Optimizer) new AdaBelief(), Map.of("lr", 0.01, "rectify", false, "weight_decay", 0.1)),
            Map.entry((Optimizer) new AdaBelief(),
                Map.of("lr", 0.01, "rectify", false, "decoupled_weight_decay", false, "weight_decay", 0.1))
        ).map(c -> DynamicTest.dynamicTest(c.getKey().id() + " " + c.getValue(), () -> agrees(c.getKey(), c.getValue())));
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

    private static void agrees(Optimizer optimizer, Map<String, ?> config) {
        OptimizerKit.check(OptimizerKit.FLOAT32_AGREES_WITH_FLOAT64, optimizer, config, KitOptions.defaults()).run();
    }
}
