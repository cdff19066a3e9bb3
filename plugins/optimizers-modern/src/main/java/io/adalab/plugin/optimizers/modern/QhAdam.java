package io.adalab.plugin.optimizers.modern;

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
 * QHAdam (quasi-hyperbolic Adam): both of Adam's moments are replaced by weighted averages of the
 * moment and the current value, {@code nu1 m + (1 - nu1) g} and {@code nu2 v + (1 - nu2) g^2}.
 * Ma, Yarats (2019), "Quasi-hyperbolic momentum and Adam for deep learning", ICLR 2019,
 * arXiv:1810.06801, the QHAdam update rule.
 *
 * <p>Follows the authors' code (facebookresearch/qhoptim {@code QHAdam}), which produced the
 * reference trajectories: the EMAs are bias-corrected <em>by their weights</em>, recursively
 * {@code w_t = 1 + beta w_{t-1}} and {@code beta_t = 1 - 1/w_t}, so step 1 uses exactly {@code g} and
 * {@code g^2} (Adam's {@code 1 - beta^t} correction, computed differently, and under a scheduled
 * beta1 it follows the beta history); eps is outside the square root; {@code nu1 = nu2 = 1} is
 * Adam. Weight decay is coupled L2 by default, or decoupled {@code p *= 1 - lr wd}.
 *
 * <p>Slots: {@code m}, {@code v}; scalars: the weights {@code w1}, {@code w2}. The paper recommends
 * {@code nu1 = 0.7, beta1 = 0.995} (and {@code nu2 = 1, beta2 = 0.999}); the code's defaults make it Adam.
 */
@Extension
public final class QhAdam implements Optimizer {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("lr", 1e-3).positive().logScale().help("step size")
        .real("beta1", 0.9).min(0).below(1).help("decay of the first moment")
        .real("beta2", 0.999).min(0).below(1).help("decay of the second moment")
        .real("nu1", 1.0).range(0, 1).help("weight of the first moment against the current gradient (paper: 0.7)")
        .real("nu2", 1.0).range(0, 1).help("weight of the second moment against the current squared gradient")
        .real("weight_decay", 0.0).nonNegative().help("weight decay coefficient")
        .bool("decoupled_weight_decay", false).help("AdamW-style decay p *= 1 - lr*wd instead of adding wd*p to the gradient")
        .real("eps", 1e-8).nonNegative().logScale().help("added outside the square root")
        .build();

    @Override public String id() {
        return "qhadam";
    }

    @Override public String displayName() {
        return "QHAdam";
    }

    @Override public String description() {
        return "Quasi-hyperbolic Adam: moments mixed with the current gradient (nu1 = nu2 = 1 is Adam).";
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(PaperReference.arxiv("Ma, Yarats", 2019,
            "Quasi-hyperbolic momentum and Adam for deep learning", "1810.06801", "ICLR 2019"));
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public UpdateRule create(Hyperparameters h) {
        return new Rule(h.real("beta1"), h.real("beta2"), h.real("nu1"), h.real("nu2"), h.real("weight_decay"),
            h.bool("decoupled_weight_decay"), h.real("eps"));
    }

    private record Rule(double beta1, double beta2, double nu1, double nu2, double weightDecay, boolean decoupled,
                        double eps) implements UpdateRule {
        @Override public int slots() {
            return 2;
        }

        @Override public int scalars() {
            return 2;
        }

        @Override public void step(Buffers b, StepContext ctx) {
            double lr = ctx.learningRate();
            double[] w = b.scalars();
            w[0] = 1 + ctx.scheduled("beta1", beta1) * w[0];
            w[1] = 1 + beta2 * w[1];
            double b1 = 1 - 1 / w[0];
            double b2 = 1 - 1 / w[1];
            double keep = decoupled && weightDecay != 0 ? 1 - lr * weightDecay : 1;
            double l2 = decoupled ? 0 : weightDecay;
            Vec p = b.params();
            Vec g = b.grad();
            Vec m = b.slot(0);
            Vec v = b.slot(1);
            for (int i = 0, n = p.length(); i < n; i++) {
                double pi = p.get(i) * keep;
                double gi = g.get(i) + l2 * pi;
                double gg = gi * gi;
                double mi = b1 * m.get(i) + (1 - b1) * gi;
                double vi = b2 * v.get(i) + (1 - b2) * gg;
                m.set(i, mi);
                v.set(i, vi);
                double num = nu1 == 1 ? mi : nu1 * mi + (1 - nu1) * gi;
                double den = nu2 == 1 ? vi : nu2 * vi + (1 - nu2) * gg;
                p.set(i, pi - lr * num / (Math.sqrt(den) + eps));
            }
        }
    }
}
