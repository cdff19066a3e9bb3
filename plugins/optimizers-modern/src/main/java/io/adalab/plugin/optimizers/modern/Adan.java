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
 * Adan (Adaptive Nesterov momentum): Nesterov momentum estimated from the gradient and the gradient
 * difference, without extra gradient evaluations. Xie, Zhou, Li, Lin, Yan (2022), "Adan: Adaptive
 * Nesterov Momentum Algorithm for Faster Optimizing Deep Models", IEEE TPAMI 2024,
 * arXiv:2208.06677, Algorithm 1.
 *
 * <p>Follows the authors' code (sail-sg/Adan, foreach path), which produced the reference
 * trajectories. Where it differs from Algorithm 1:
 * <ul>
 *   <li>the hyperparameters {@code beta1, beta2, beta3} = (0.98, 0.92, 0.99) are the EMAs'
 *       <em>keep</em> factors; the paper's beta_i are 1 minus these;</li>
 *   <li>all three moments {@code m, d, n} are bias-corrected (Algorithm 1 has no correction), and
 *       the step is two successive updates {@code p -= lr/bc1 m/den} and
 *       {@code p -= lr beta2/bc2 d/den} with {@code den = sqrt(n / bc3) + eps};</li>
 *   <li>the first gradient difference is 0 ({@code g_prev = g_1});</li>
 *   <li>decay: proximal {@code p /= 1 + lr wd} after the step (the paper's form, default), or with
 *       {@code no_prox} the AdamW-style {@code p *= 1 - lr wd} before it;</li>
 *   <li>optional clipping to global norm {@code max_grad_norm} (over all groups) multiplies the
 *       gradient by {@code min(1, max_grad_norm / (||g|| + eps))}, before it is remembered as
 *       {@code g_prev}.</li>
 * </ul>
 * Slots: {@code m}, {@code d}, {@code n}, {@code g_prev}. {@code beta1} may be driven by a schedule.
 */
@Extension
public final class Adan implements Optimizer {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("lr", 1e-3).positive().logScale().help("step size")
        .real("beta1", 0.98).min(0).below(1).help("keep factor of the gradient EMA m (paper: 1 - beta1)")
        .real("beta2", 0.92).min(0).below(1).help("keep factor of the gradient-difference EMA d (paper: 1 - beta2)")
        .real("beta3", 0.99).min(0).below(1).help("keep factor of the second moment n (paper: 1 - beta3)")
        .real("eps", 1e-8).nonNegative().logScale().help("added outside the bias-corrected sqrt(n)")
        .real("weight_decay", 0.0).nonNegative().help("weight decay coefficient")
        .real("max_grad_norm", 0.0).nonNegative().help("clip the gradient to this global norm; 0 = no clipping")
        .bool("no_prox", false).help("decay p *= 1 - lr*wd before the step instead of the proximal p /= 1 + lr*wd after it")
        .build();

    @Override public String id() {
        return "adan";
    }

    @Override public String displayName() {
        return "Adan";
    }

    @Override public String description() {
        return "Adaptive Nesterov momentum from gradient differences; bias-corrected as in the authors' code.";
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(PaperReference.arxiv("Xie, Zhou, Li, Lin, Yan", 2022,
            "Adan: Adaptive Nesterov Momentum Algorithm for Faster Optimizing Deep Models", "2208.06677",
            "IEEE TPAMI 2024"));
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public UpdateRule create(Hyperparameters h) {
        return new Rule(h.real("beta1"), h.real("beta2"), h.real("beta3"), h.real("eps"), h.real("weight_decay"),
            h.real("max_grad_norm"), h.bool("no_prox"));
    }

    private record Rule(double beta1, double beta2, double beta3, double eps, double weightDecay,
                        double maxGradNorm, boolean noProx) implements UpdateRule {
        @Override public int slots() {
            return 4;
        }

        @Override public void step(Buffers b, StepContext ctx) {
            double lr = ctx.learningRate();
            double b1 = ctx.scheduled("beta1", beta1);
            long t = ctx.step();
            double stepM = lr / (1 - Math.pow(b1, t));
            double stepD = lr * beta2 / (1 - Math.pow(beta2, t));
            double bc3Sqrt = Math.sqrt(1 - Math.pow(beta3, t));
            double clip = maxGradNorm > 0 ? Math.min(maxGradNorm / (b.grad().norm() + eps), 1) : 1;
            double before = noProx ? 1 - lr * weightDecay : 1;
            double after = noProx ? 1 : 1 + lr * weightDecay;
            boolean first = t == 1;
            Vec p = b.params();
            Vec g = b.grad();
            Vec m = b.slot(0);
            Vec d = b.slot(1);
            Vec nu = b.slot(2);
            Vec prev = b.slot(3);
            for (int i = 0, n = p.length(); i < n; i++) {
                double gi = g.get(i) * clip;
                double diff = first ? 0 : gi - prev.get(i);
                double mi = b1 * m.get(i) + (1 - b1) * gi;
                double di = d.get(i) * beta2 + (1 - beta2) * diff;
                double w = diff * beta2 + gi;
                double ni = nu.get(i) * beta3 + (1 - beta3) * w * w;
                m.set(i, mi);
                d.set(i, di);
                nu.set(i, ni);
                prev.set(i, gi);
                double den = Math.sqrt(ni) / bc3Sqrt + eps;
                double pi = p.get(i) * before;
                pi -= stepM * mi / den;
                pi -= stepD * di / den;
                p.set(i, pi / after);
            }
        }
    }
}
