package io.adalab.plugin.optimizers.adam;

import io.adalab.api.Optimizer;
import io.adalab.testkit.KitOptions;
import io.adalab.testkit.OptimizerKit;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The float32 fast paths agree with the float64 loops (the kit's check {@value
 * OptimizerKit#FLOAT32_AGREES_WITH_FLOAT64}, which {@link AdamKitTest} runs for each of its
 * configurations) also in the configurations that test leaves out: the sign of {@code maximize}, and
 * weight decay in Adamax and in RAdam (decoupled, beta2 = 0.9).
 */
class Float32PathTest {

    @TestFactory
    Stream<DynamicTest> float32PathMatchesFloat64Path() {
        return Stream.of(
            Map.entry((Optimizer) new Adam(), Map.of("lr", 0.01, "weight_decay", 0.1, "maximize", true)),
            Map.entry((Optimizer) new Adamax(), Map.of("lr", 0.01, "weight_decay", 0.01)),
            Map.entry((Optimizer) new Radam(), Map.of("lr", 0.01, "beta2", 0.9, "weight_decay", 0.1, "decoupled_weight_decay", true))
        ).map(c -> DynamicTest.dynamicTest(c.getKey().id() + " " + c.getValue(), () -> agrees(c.getKey(), c.getValue())));
    }

    private static void agrees(Optimizer optimizer, Map<String, ?> config) {
        OptimizerKit.check(OptimizerKit.FLOAT32_AGREES_WITH_FLOAT64, optimizer, config, KitOptions.defaults()).run();
    }
}
