package io.adalab.plugin.optimizers.adam;

import io.adalab.api.Optimizer;
import io.adalab.testkit.OptimizerKit;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class AdamKitTest {

    private static Stream<DynamicTest> kit(Optimizer o, Map<String, ?> hp) {
        return OptimizerKit.checks(o, hp).stream()
            .map(c -> DynamicTest.dynamicTest(o.id() + " " + hp + ": " + c.name(), c::run));
    }

    @TestFactory
    Stream<DynamicTest> everyAdamFamilyOptimizerPassesTheKit() {
        return Stream.of(
            kit(new Adam(), Map.of("lr", 0.05)),
            kit(new Adam(), Map.of("lr", 0.05, "amsgrad", true, "weight_decay", 0.01)),
            kit(new AdamW(), Map.of("lr", 0.05)),
            kit(new AdamW(), Map.of("lr", 0.05, "weight_decay", 0.0, "amsgrad", true)),
            kit(new Adamax(), Map.of("lr", 0.05)),
            kit(new Nadam(), Map.of("lr", 0.05)),
            kit(new Nadam(), Map.of("lr", 0.05, "weight_decay", 0.01, "decoupled_weight_decay", true)),
            kit(new Radam(), Map.of("lr", 0.05)),
            kit(new Radam(), Map.of("lr", 0.05, "beta2", 0.99, "maximize", false))
        ).flatMap(s -> s);
    }
}
