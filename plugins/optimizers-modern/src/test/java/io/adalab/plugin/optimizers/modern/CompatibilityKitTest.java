package io.adalab.plugin.optimizers.modern;

import io.adalab.api.Optimizer;
import io.adalab.testkit.KitOptions;
import io.adalab.testkit.OptimizerKit;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every optimizer of the plugin passes the shared compatibility kit, with defaults and with its options on. */
class CompatibilityKitTest {

    @TestFactory
    Stream<DynamicTest> everyOptimizerPassesTheKitWithItsDefaults() {
        return ModernOptimizers.ALL.stream().flatMap(o -> kit(o, Map.of("lr", kitLr(o))));
    }

    @TestFactory
    Stream<DynamicTest> optionalBranchesPassTheKitToo() {
        return Stream.of(
            kit(new AdaBelief(), Map.of("lr", 0.01, "amsgrad", true, "rectify", false)),
            kit(new AdaBound(), Map.of("lr", 0.01, "amsbound", true)),
            kit(new Lamb(), Map.of("lr", 0.01, "rectify", true, "degenerated_to_sgd", true, "pre_norm", true)),
            kit(new LaProp(), Map.of("lr", 0.01, "centered", true, "amsgrad", true)),
            kit(new Adan(), Map.of("lr", 0.01, "max_grad_norm", 1.0, "no_prox", true)),
            kit(new QhAdam(), Map.of("lr", 0.01, "nu1", 0.7, "beta1", 0.995)),
            kit(new NovoGrad(), Map.of("lr", 0.01, "amsgrad", true, "luc", true, "grad_averaging", true)),
            kit(new Madgrad(), Map.of("momentum", 0.0)),
            kit(new AdEMAMix(), Map.of("lr", 0.01, "t_alpha", 50L, "t_beta3", 50L))
        ).flatMap(s -> s);
    }

    @TestFactory
    Stream<DynamicTest> yogiWithoutInitialAccumulatorPassesTheZeroGradientCheck() {
        return kit(new Yogi(), Map.of("initial_accumulator", 0.0));
    }

    private static Stream<DynamicTest> kit(Optimizer o, Map<String, ?> config) {
        // Yogi's m starts at initial_accumulator (1e-6, the reference code's default), so a zero
        // gradient moves it by design
        boolean moves = o instanceof Yogi && !Double.valueOf(0.0).equals(config.get("initial_accumulator"));
        KitOptions options = moves ? KitOptions.defaults().movingOnZeroGradient() : KitOptions.defaults();
        if (o instanceof NovoGrad && Boolean.TRUE.equals(config.get("luc"))) {
            // luc clips every step to luc_trust (1e-3) of ||p||: 20 steps move the parameters by about
            // 2% of their size, so float32's rounding of the parameters alone (6e-8 of their size per
            // step) reaches 1e-5 of the displacement
            options = options.withFloat32Tolerance(1e-4);
        }
        return OptimizerKit.checks(o, config, options).stream()
            .map(c -> DynamicTest.dynamicTest(o.id() + " " + config + ": " + c.name(), c::run));
    }

    /** A learning rate that makes visible progress on the kit's quadratic in 100 steps. */
    private static double kitLr(Optimizer o) {
        return switch (o.id()) {
            case "lars" -> 1.0;
            case "signum", "signsgd", "lion" -> 1e-3;
            default -> 0.01;
        };
    }
}
