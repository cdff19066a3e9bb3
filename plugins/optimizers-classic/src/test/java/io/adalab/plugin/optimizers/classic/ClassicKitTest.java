package io.adalab.plugin.optimizers.classic;

import io.adalab.api.Optimizer;
import io.adalab.testkit.KitOptions;
import io.adalab.testkit.OptimizerKit;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class ClassicKitTest {

    private static Stream<DynamicTest> kit(Optimizer o, Map<String, ?> hp, KitOptions options) {
        return OptimizerKit.checks(o, hp, options).stream()
            .map(c -> DynamicTest.dynamicTest(o.id() + " " + hp + ": " + c.name(), c::run));
    }

    @TestFactory
    Stream<DynamicTest> everyClassicOptimizerPassesTheKit() {
        KitOptions d = KitOptions.defaults();
        return Stream.of(
            kit(new Sgd(), Map.of(), d),
            kit(new Sgd(), Map.of("momentum", 0.9, "nesterov", true), d),
            kit(new Sgd(), Map.of("momentum", 0.9, "dampening", 0.1, "weight_decay", 0.01), d),
            kit(new Adagrad(), Map.of("lr", 0.1), d),
            kit(new Adagrad(), Map.of("lr", 0.1, "lr_decay", 0.01, "initial_accumulator_value", 0.1), d),
            kit(new Adadelta(), Map.of(), d),
            kit(new Rmsprop(), Map.of(), d),
            kit(new Rmsprop(), Map.of("lr", 0.001, "centered", true, "momentum", 0.9), d),
            kit(new Rprop(), Map.of(), d),
            kit(new Asgd(), Map.of(), d.movingOnZeroGradient()),
            kit(new Asgd(), Map.of("t0", 10.0, "lambd", 0.0), d),
            kit(new Adafactor(), Map.of(), d),
            kit(new Adafactor(), Map.of("relative_step", false, "lr", 0.05, "beta1", 0.9), d)
        ).flatMap(s -> s);
    }
}
