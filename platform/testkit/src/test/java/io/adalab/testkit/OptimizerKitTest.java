package io.adalab.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adalab.api.DType;
import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.Optimizer;
import io.adalab.api.UpdateRule;
import io.adalab.api.Vec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptimizerKitTest {

    /** Gradient descent with momentum; variants break one rule of the kit each. */
    private static final class Probe implements Optimizer {
        private final String flaw;
        private double[] shared = new double[0];

        Probe(String flaw) {
            this.flaw = flaw;
        }

        @Override public String id() {
            return "probe";
        }

        @Override public String displayName() {
            return "probe";
        }

        @Override public HyperparameterSchema schema() {
            return HyperparameterSchema.builder().real("lr", 0.1).positive().real("weight_decay", 0.0).nonNegative().build();
        }

        @Override public UpdateRule create(Hyperparameters h) {
            double lr = h.real("lr");
            return UpdateRule.of(1, (b, ctx) -> {
                Vec p = b.params();
                Vec g = b.grad();
                Vec m = b.slot(0);
                if (shared.length != p.length()) {
                    shared = new double[p.length()];
                }
                for (int i = 0; i < p.length(); i++) {
                    double gi = g.get(i);
                    if (flaw.equals("swallowsNaN") && Double.isNaN(gi)) {
                        gi = 0;
                    }
                    double mi = 0.9 * (flaw.equals("sharesState") ? shared[i] : m.get(i)) + gi;
                    shared[i] = mi;
                    m.set(i, mi);
                    double step = flaw.equals("float32Rounds") && p.dtype() == DType.FLOAT32 ? lr * 1.001 : lr;
                    p.set(i, p.get(i) - step * mi - (flaw.equals("drifts") ? 1e-3 : 0));
                }
            });
        }
    }

    @Test
    void aCorrectOptimizerPassesEveryCheck() {
        OptimizerKit.verify(new Probe("none"), Map.of());
        assertThat(OptimizerKit.checks(new Probe("none"), Map.of())).extracting(KitCheck::name)
            .contains("zeroGradientLeavesParametersUnchanged", "checkpointRestoreContinuesIdentically");
    }

    @Test
    void sharedStateBetweenRulesIsCaught() {
        assertThatThrownBy(() -> OptimizerKit.verify(new Probe("sharesState"), Map.of()))
            .isInstanceOf(AssertionError.class).hasMessageContaining("rulesFromOneOptimizerShareNoState");
    }

    @Test
    void aSwallowedNanIsCaught() {
        assertThatThrownBy(() -> OptimizerKit.verify(new Probe("swallowsNaN"), Map.of()))
            .hasMessageContaining("nanGradientIsNotSilentlySwallowed");
    }

    @Test
    void movingOnAZeroGradientIsCaughtUnlessDeclared() {
        assertThatThrownBy(() -> OptimizerKit.verify(new Probe("drifts"), Map.of()))
            .hasMessageContaining("zeroGradientLeavesParametersUnchanged");
        OptimizerKit.verify(new Probe("drifts"), Map.of(), KitOptions.defaults().movingOnZeroGradient());
    }

    @Test
    void weightDecaySkipsTheZeroGradientCheck() {
        assertThat(OptimizerKit.checks(new Probe("none"), Map.of("weight_decay", 0.1))).extracting(KitCheck::name)
            .doesNotContain("zeroGradientLeavesParametersUnchanged");
    }

    @Test
    void aFloat32PathThatStraysFromTheDoublePathIsCaughtUnlessRelaxed() {
        assertThatThrownBy(() -> OptimizerKit.verify(new Probe("float32Rounds"), Map.of()))
            .hasMessageContaining(OptimizerKit.FLOAT32_AGREES_WITH_FLOAT64).hasMessageContaining("parameter displacement");
        OptimizerKit.verify(new Probe("float32Rounds"), Map.of(), KitOptions.defaults().withFloat32Tolerance(1e-2));
        assertThat(OptimizerKit.checks(new Probe("float32Rounds"), Map.of(), KitOptions.defaults().withoutFloat32Agreement()))
            .extracting(KitCheck::name).doesNotContain(OptimizerKit.FLOAT32_AGREES_WITH_FLOAT64);
    }

    @Test
    void oneCheckCanBeRunByName() {
        KitCheck c = OptimizerKit.check(OptimizerKit.FLOAT32_AGREES_WITH_FLOAT64, new Probe("none"), Map.of("lr", 0.2),
            KitOptions.defaults());
        assertThat(c.name()).isEqualTo(OptimizerKit.FLOAT32_AGREES_WITH_FLOAT64);
        c.run();
        assertThatThrownBy(() -> OptimizerKit.check("noSuchCheck", new Probe("none"), Map.of(), KitOptions.defaults()))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
