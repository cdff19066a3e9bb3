package io.adalab.plugin.optimizers.lrfree;

import io.adalab.api.Optimizer;
import io.adalab.testkit.KitOptions;
import io.adalab.testkit.OptimizerKit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every optimizer of this plugin passes the compatibility kit, the wrappers with two inner optimizers. */
class OptimizerKitTest {
    private static final KitOptions OPTIONS = KitOptions.defaults().withResolver(Fixtures.resolver());

    /**
     * Authors' defaults, except D-Adaptation SGD's lr: plain dual averaging with lr = 1 overshoots on
     * the kit's quadratic (curvature 1) and diverges, as the authors' code does on the reference
     * quadratic (whose case uses lr = 0.1 for that reason, see the optimizers-extra README).
     */
    @TestFactory
    Stream<DynamicContainer> everyOptimizerPassesTheKitWithItsDefaults() {
        return Fixtures.PLUGIN.stream().map(o -> kit(o, o.id(), o.id().equals("dadapt_sgd") ? Map.of("lr", 0.5) : Map.of()));
    }

    @TestFactory
    Stream<DynamicContainer> theWrappersPassTheKitAroundSgdWithMomentumToo() {
        Map<String, Object> sgd = Map.of("optimizer", "sgd", "lr", 0.05, "momentum", 0.9);
        return Stream.of(
            kit(new Lookahead(), "lookahead(sgd, reset)", Map.of("inner", sgd, "pullback_momentum", "reset")),
            kit(new Mechanic(), "mechanic(sgd)", Map.of("inner", sgd)));
    }

    @TestFactory
    Stream<DynamicContainer> theNonDefaultVariantsPassTheKit() {
        return Stream.of(
            kit(new DAdaptSgd(), "dadapt_sgd(momentum)", Map.of("momentum", 0.9, "growth_rate", 1.1)),
            kit(new DAdaptAdam(), "dadapt_adam(bias correction)", Map.of("use_bias_correction", true)),
            kit(new Prodigy(), "prodigy(safeguard, slice_p 3)", Map.of("safeguard_warmup", true, "slice_p", 3)),
            kit(new Dog(), "dog(init_eta)", Map.of("init_eta", 0.01)),
            kit(new ScheduleFreeSgd(), "sf_sgd(warmup)", Map.of("warmup_steps", 10, "lr", 0.5)),
            kit(new ScheduleFreeAdamW(), "sf_adamw(inner momentum)", Map.of("inner_momentum", 0.5, "lr", 0.05)));
    }

    /**
     * D-Adaptation, Prodigy, DoG (without init_eta) and Mechanic take first steps of 1e-6 to 1e-8
     * (d0, reps_rel, s_init), below float32's resolution of the parameters, and then derive the step
     * size from how far the parameters moved or from sums of gradient products: what float32 loses
     * in those steps feeds back into every later step, so the two precisions part by up to 100%
     * (Mechanic) rather than by rounding. Their float32 agreement is not checked.
     */
    private static final Set<String> STEP_SIZE_FROM_TINY_FIRST_STEPS = Set.of("dadapt_sgd", "dadapt_adam", "prodigy",
        "mechanic");

    private static DynamicContainer kit(Optimizer o, String name, Map<String, ?> hyperparameters) {
        boolean tinyFirstSteps = STEP_SIZE_FROM_TINY_FIRST_STEPS.contains(o.id())
            || (o.id().equals("dog") && !hyperparameters.containsKey("init_eta"));
        KitOptions options = tinyFirstSteps ? OPTIONS.withoutFloat32Agreement() : OPTIONS;
        List<DynamicTest> tests = OptimizerKit.checks(o, hyperparameters, options).stream()
            .map(c -> DynamicTest.dynamicTest(c.name(), c::run)).toList();
        return DynamicContainer.dynamicContainer(name, tests);
    }
}
