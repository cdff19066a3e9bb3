package io.adalab.plugin.optimizers.adam;

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
 * Adamax as {@code torch.optim.Adamax} 1.13: {@code d = g + wd*p}; {@code m = b1*m + (1-b1)*d};
 * {@code u = max(b2*u, |d| + eps)}; {@code p -= lr/(1-b1^t) * m/u}.
 *
 * <p>Kingma and Ba (2015), "Adam: A Method for Stochastic Optimization", ICLR, arXiv:1412.6980,
 * Section 7.1, Algorithm 2. Differences: eps is added to |d| inside the max (the paper has no eps),
 * so u never reaches 0; coupled L2 weight decay. A schedule may drive {@code beta1}.
 */
@Extension
public final class Adamax implements Optimizer {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("lr", 2e-3).positive().logScale().help("learning rate")
        .real("beta1", 0.9).min(0).below(1).help("decay of the first-moment average")
        .real("beta2", 0.999).min(0).below(1).help("decay of the infinity norm")
        .real("eps", 1e-8).nonNegative().logScale().help("added to |g| inside the max")
        .real("weight_decay", 0.0).nonNegative().help("coupled L2 penalty added to the gradient")
        .bool("maximize", false).help("maximize the objective instead of minimizing it")
        .build();

    @Override public String id() {
        return "adamax";
    }

    @Override public String displayName() {
        return "Adamax";
    }

    @Override public String description() {
        return "Adam with the infinity norm in place of the second moment (torch.optim.Adamax).";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(PaperReference.arxiv("Kingma, Ba", 2015, "Adam: A Method for Stochastic Optimization",
            "1412.6980", "ICLR 2015"));
    }

    @Override public UpdateRule create(Hyperparameters h) {
        return new Rule(h.real("beta1"), h.real("beta2"), h.real("eps"), h.real("weight_decay"), h.bool("maximize") ? -1 : 1);
    }

    /** Slots: 0 = m, 1 = u (exponentially weighted infinity norm). */
    private record Rule(double beta1, double beta2, double eps, double weightDecay, double sign) implements UpdateRule {

        @Override public int slots() {
            return 2;
        }

        @Override public void step(Buffers b, StepContext ctx) {
            Vec p = b.params();
            Vec g = b.grad();
            Vec m = b.slot(0);
            Vec u = b.slot(1);
            double b1 = ctx.scheduled("beta1", beta1);
            double clr = ctx.learningRate() / (1 - Math.pow(b1, ctx.step()));
            if (p instanceof Vec.F32 p32) {
                adamaxF32(p32.array(), ((Vec.F32) g).array(), ((Vec.F32) m).array(), ((Vec.F32) u).array(), (float) b1,
                    (float) (1 - b1), (float) beta2, (float) eps, (float) weightDecay, (float) sign, (float) clr);
                return;
            }
            for (int i = 0, n = p.length(); i < n; i++) {
                double pi = p.get(i);
                double d = sign * g.get(i) + weightDecay * pi;
                double mi = b1 * m.get(i) + (1 - b1) * d;
                double ui = Math.max(beta2 * u.get(i), Math.abs(d) + eps);
                m.set(i, mi);
                u.set(i, ui);
                p.set(i, pi - clr * mi / ui);
            }
        }

        /**
         * The same update in float maths over the raw arrays: the double loop is compute-bound on
         * float32 parameters, this plain counted loop (no calls but Math.max/abs) is vectorised by C2.
         */
        private static void adamaxF32(float[] p, float[] g, float[] m, float[] u, float b1, float c1, float b2,
                                      float eps, float wd, float sign, float clr) {
            for (int i = 0; i < p.length; i++) {
                float pi = p[i];
                float d = sign * g[i] + wd * pi;
                float mi = b1 * m[i] + c1 * d;
                float ui = Math.max(b2 * u[i], Math.abs(d) + eps);
                m[i] = mi;
                u[i] = ui;
                p[i] = pi - clr * mi / ui;
            }
        }
    }
}
