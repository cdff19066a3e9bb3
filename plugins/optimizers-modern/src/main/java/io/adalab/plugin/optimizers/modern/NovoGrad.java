package io.adalab.plugin.optimizers.modern;

import io.adalab.api.Buffers;
import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.Optimizer;
import io.adalab.api.PaperReference;
import io.adalab.api.ParameterGroup;
import io.adalab.api.StepContext;
import io.adalab.api.UpdateRule;
import io.adalab.api.Vec;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * NovoGrad: momentum of gradients normalised by a <em>per-layer</em> second moment (one scalar per
 * tensor, the EMA of {@code ||g||^2}), with weight decay added to the normalised gradient.
 * Ginsburg, Castonguay, Hrinchuk, Kuchaiev, Lavrukhin, Leary, Li, Nguyen, Zhang, Cohen (2019),
 * "Stochastic Gradient Methods with Layer-wise Adaptive Moments for Training of Deep Networks",
 * arXiv:1905.11286, Algorithm 1.
 *
 * <p>Follows NVIDIA NeMo's {@code Novograd} (the authors' employer), which produced the reference
 * trajectories: {@code v} is initialised to the first {@code ||g||^2} without a {@code (1 - beta2)}
 * factor (as Algorithm 1); no bias correction; {@code m = beta1 m + u} with
 * {@code u = g / (sqrt(v) + eps) + wd p} ({@code eps} outside the root; the paper writes
 * {@code sqrt(v + eps)}), multiplied by {@code 1 - beta1} only with {@code grad_averaging} (off by
 * default, as in Algorithm 1);
 * {@code amsgrad} keeps the maximum of {@code v}; {@code luc} (layer-wise update clipping) limits the
 * step to {@code min(lr, luc_trust ||p|| / (||m|| + luc_eps))}. The class defaults are
 * {@code beta1 = 0.95, beta2 = 0.98} (NeMo's docstring says 0.9 and 0.999).
 *
 * <p>Per-group state: {@code v} (and {@code v_max}) live in slot vectors at index
 * {@link ParameterGroup#offset()} of each group (the rest of those slots stays 0), so they are
 * checkpointed with the other slots even though the number of groups is unknown when the rule is
 * created. Slots: {@code m}, {@code v} (+ {@code v_max}). {@code beta1} may be driven by a schedule.
 */
@Extension
public final class NovoGrad implements Optimizer {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("lr", 1e-3).positive().logScale().help("step size")
        .real("beta1", 0.95).min(0).below(1).help("momentum")
        .real("beta2", 0.98).min(0).below(1).help("decay of the per-layer second moment ||g||^2")
        .real("eps", 1e-8).nonNegative().logScale().help("added to sqrt(v)")
        .real("weight_decay", 0.0).nonNegative().help("added to the normalised gradient: u = g/(sqrt(v)+eps) + wd*p")
        .bool("grad_averaging", false).help("multiply u by 1 - beta1 before the momentum")
        .bool("amsgrad", false).help("use the running maximum of v")
        .bool("luc", false).help("layer-wise update clipping: step at most luc_trust*||p||/||m||")
        .real("luc_trust", 1e-3).positive().logScale().help("with luc: trust coefficient")
        .real("luc_eps", 1e-8).nonNegative().logScale().help("with luc: added to ||m||")
        .build();

    @Override public String id() {
        return "novograd";
    }

    @Override public String displayName() {
        return "NovoGrad";
    }

    @Override public String description() {
        return "Momentum of gradients normalised by a per-layer second moment (NVIDIA NeMo's variant).";
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(PaperReference.arxiv(
            "Ginsburg, Castonguay, Hrinchuk, Kuchaiev, Lavrukhin, Leary, Li, Nguyen, Zhang, Cohen", 2019,
            "Stochastic Gradient Methods with Layer-wise Adaptive Moments for Training of Deep Networks",
            "1905.11286", ""));
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public UpdateRule create(Hyperparameters h) {
        return new Rule(h.real("beta1"), h.real("beta2"), h.real("eps"), h.real("weight_decay"),
            h.bool("grad_averaging"), h.bool("amsgrad"), h.bool("luc"), h.real("luc_trust"), h.real("luc_eps"));
    }

    private record Rule(double beta1, double beta2, double eps, double weightDecay, boolean gradAveraging,
                        boolean amsgrad, boolean luc, double lucTrust, double lucEps) implements UpdateRule {
        @Override public int slots() {
            return amsgrad ? 3 : 2;
        }

        @Override public void step(Buffers b, StepContext ctx) {
            double lr = ctx.learningRate();
            double b1 = ctx.scheduled("beta1", beta1);
            double uScale = gradAveraging ? 1 - b1 : 1;
            Vec p = b.params();
            Vec g = b.grad();
            Vec m = b.slot(0);
            Vec v = b.slot(1);
            for (ParameterGroup group : b.groups()) {
                if (group.length() == 0) {
                    continue; // its offset may be the next group's: it must not touch that state
                }
                int first = group.offset();
                double norm = 0;
                for (int i = first, end = group.end(); i < end; i++) {
                    double gi = g.get(i);
                    norm += gi * gi;
                }
                double vg = v.get(first);
                vg = vg == 0 ? norm : beta2 * vg + (1 - beta2) * norm;
                v.set(first, vg);
                if (amsgrad) {
                    vg = Math.max(b.slot(2).get(first), vg);
                    b.slot(2).set(first, vg);
                }
                double den = Math.sqrt(vg) + eps;
                double pSq = 0;
                double mSq = 0;
                for (int i = first, end = group.end(); i < end; i++) {
                    double pi = p.get(i);
                    double mi = b1 * m.get(i) + (g.get(i) / den + weightDecay * pi) * uScale;
                    m.set(i, mi);
                    if (luc) {
                        pSq += pi * pi;
                        mSq += mi * mi;
                    } else {
                        p.set(i, pi - lr * mi);
                    }
                }
                if (luc) {
                    double a = Math.min(lucTrust * Math.sqrt(pSq) / (Math.sqrt(mSq) + lucEps), lr);
                    for (int i = first, end = group.end(); i < end; i++) {
                        p.set(i, p.get(i) - a * m.get(i));
                    }
                }
            }
        }
    }
}
