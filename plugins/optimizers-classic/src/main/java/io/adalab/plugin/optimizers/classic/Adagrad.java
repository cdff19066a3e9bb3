package io.adalab.plugin.optimizers.classic;

import io.adalab.api.Buffers;
import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.Optimizer;
import io.adalab.api.PaperReference;
import io.adalab.api.StepContext;
import io.adalab.api.UpdateRule;
import io.adalab.api.Vec;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Adagrad as {@code torch.optim.Adagrad} 1.13: {@code d = g + wd*p}; {@code sum += d^2} (starting at
 * {@code initial_accumulator_value}); {@code p -= clr * d / (sqrt(sum) + eps)} with
 * {@code clr = lr / (1 + (t - 1) * lr_decay)}.
 *
 * <p>Duchi, Hazan, Singer (2011), "Adaptive Subgradient Methods for Online Learning and Stochastic
 * Optimization", JMLR 12, the diagonal update of Section 1.1 / Figure 1 ({@code x_{t+1} = x_t - eta
 * diag(G_t)^{-1/2} g_t}). Differences: eps (1e-10) is added outside the square root, as torch;
 * {@code lr_decay} and coupled L2 weight decay are torch's additions.
 */
@Extension
public final class Adagrad implements Optimizer {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("lr", 0.01).positive().logScale().help("learning rate")
        .real("lr_decay", 0.0).nonNegative().help("lr is divided by 1 + (t-1)*lr_decay")
        .real("weight_decay", 0.0).nonNegative().help("coupled L2 penalty added to the gradient")
        .real("initial_accumulator_value", 0.0).nonNegative().help("starting value of the sum of squared gradients")
        .real("eps", 1e-10).nonNegative().logScale().help("added to sqrt(sum), outside the square root")
        .bool("maximize", false).help("maximize the objective instead of minimizing it")
        .build();

    @Override public String id() {
        return "adagrad";
    }

    @Override public String displayName() {
        return "Adagrad";
    }

    @Override public String description() {
        return "Per-coordinate step sizes from the running sum of squared gradients (torch.optim.Adagrad).";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(new PaperReference("Duchi, Hazan, Singer", 2011,
            "Adaptive Subgradient Methods for Online Learning and Stochastic Optimization", "", "JMLR 12"));
    }

    @Override public UpdateRule create(Hyperparameters h) {
        return new Rule(h.real("lr_decay"), h.real("weight_decay"), h.real("initial_accumulator_value"), h.real("eps"),
            h.bool("maximize") ? -1 : 1);
    }

    private record Rule(double lrDecay, double weightDecay, double initial, double eps, double sign) implements UpdateRule {

        @Override public int slots() {
            return 1;
        }

        @Override public void initialize(Buffers b) {
            b.slot(0).fill(initial);
        }

        @Override public void step(Buffers b, StepContext ctx) {
            Vec p = b.params();
            Vec g = b.grad();
            Vec sum = b.slot(0);
            double clr = ctx.learningRate() / (1 + (ctx.step() - 1) * lrDecay);
            if (p instanceof Vec.F32 p32) {
                adagradF32(p32.array(), ((Vec.F32) g).array(), ((Vec.F32) sum).array(), (float) clr, (float) weightDecay,
                    (float) eps, (float) sign);
                return;
            }
            for (int i = 0, n = p.length(); i < n; i++) {
                double pi = p.get(i);
                double d = sign * g.get(i) + weightDecay * pi;
                double s = sum.get(i) + d * d;
                sum.set(i, s);
                p.set(i, pi - clr * d / (Math.sqrt(s) + eps));
            }
        }

        /**
         * The same update in float maths over the raw arrays: the double loop is compute-bound on
         * float32 parameters, this plain counted loop is vectorised by C2.
         */
        private static void adagradF32(float[] p, float[] g, float[] sum, float clr, float wd, float eps, float sign) {
            for (int i = 0; i < p.length; i++) {
                float pi = p[i];
                float d = sign * g[i] + wd * pi;
                float s = sum[i] + d * d;
                sum[i] = s;
                p[i] = pi - clr * d / ((float) Math.sqrt(s) + eps);
            }
        }
    }
}
