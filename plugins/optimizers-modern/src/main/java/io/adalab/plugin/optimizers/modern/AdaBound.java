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
 * AdaBound and AMSBound: Adam (resp. AMSGrad) whose per-coordinate step size is clipped into bounds
 * that close in on {@code final_lr}, so the method turns into SGD over time. Luo, Xiong, Liu, Sun
 * (2019), "Adaptive Gradient Methods with Dynamic Bound of Learning Rate", ICLR 2019,
 * arXiv:1902.09843, Algorithm 2 (AdaBound) and Algorithm 3 (AMSBound, flag {@code amsbound}).
 *
 * <p>Follows the authors' code (Luolc/AdaBound), which produced the reference trajectories:
 * <ul>
 *   <li>{@code eps} is added to the <em>uncorrected</em> {@code sqrt(v)}; both bias corrections sit
 *       in the step size {@code lr sqrt(1 - beta2^t) / (1 - beta1^t)} (the paper's algorithm has
 *       none);</li>
 *   <li>bounds {@code final (1 - 1/(gamma t + 1))} and {@code final (1 + 1/(gamma t))} with
 *       {@code t} from 1, and {@code final = final_lr * lr / lr0}: a schedule on {@code lr} scales the
 *       bounds too ({@code lr0} = the configured {@code lr});</li>
 *   <li>weight decay is coupled L2 ({@code g += wd p}), not decoupled.</li>
 * </ul>
 * Slots: {@code m}, {@code v} (+ {@code v_max}). {@code beta1} may be driven by a schedule.
 */
@Extension
public final class AdaBound implements Optimizer {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("lr", 1e-3).positive().logScale().help("Adam step size at the start")
        .real("beta1", 0.9).min(0).below(1).help("decay of the first moment")
        .real("beta2", 0.999).min(0).below(1).help("decay of the second moment")
        .real("final_lr", 0.1).positive().logScale().help("SGD learning rate the bounds converge to")
        .real("gamma", 1e-3).positive().logScale().help("convergence speed of the bounds")
        .real("eps", 1e-8).nonNegative().logScale().help("added to the uncorrected sqrt(v)")
        .real("weight_decay", 0.0).nonNegative().help("L2 coefficient added to the gradient")
        .bool("amsbound", false).help("AMSBound: use the running maximum of v")
        .build();

    @Override public String id() {
        return "adabound";
    }

    @Override public String displayName() {
        return "AdaBound";
    }

    @Override public String description() {
        return "Adam with per-coordinate step sizes clipped into bounds converging to final_lr (amsbound: AMSBound).";
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(PaperReference.arxiv("Luo, Xiong, Liu, Sun", 2019,
            "Adaptive Gradient Methods with Dynamic Bound of Learning Rate", "1902.09843", "ICLR 2019"));
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public UpdateRule create(Hyperparameters h) {
        return new Rule(h.real("lr"), h.real("beta1"), h.real("beta2"), h.real("final_lr"), h.real("gamma"),
            h.real("eps"), h.real("weight_decay"), h.bool("amsbound"));
    }

    private record Rule(double baseLr, double beta1, double beta2, double finalLr, double gamma, double eps,
                        double weightDecay, boolean amsbound) implements UpdateRule {
        @Override public int slots() {
            return amsbound ? 3 : 2;
        }

        @Override public void step(Buffers b, StepContext ctx) {
            double lr = ctx.learningRate();
            double b1 = ctx.scheduled("beta1", beta1);
            long t = ctx.step();
            double stepSize = lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(b1, t));
            double target = finalLr * lr / baseLr;
            double lower = target * (1 - 1 / (gamma * t + 1));
            double upper = target * (1 + 1 / (gamma * t));
            Vec p = b.params();
            Vec g = b.grad();
            Vec m = b.slot(0);
            Vec v = b.slot(1);
            Vec vMax = amsbound ? b.slot(2) : null;
            for (int i = 0, n = p.length(); i < n; i++) {
                double pi = p.get(i);
                double gi = g.get(i) + weightDecay * pi;
                double mi = b1 * m.get(i) + (1 - b1) * gi;
                double vi = beta2 * v.get(i) + (1 - beta2) * gi * gi;
                m.set(i, mi);
                v.set(i, vi);
                if (vMax != null) {
                    vi = Math.max(vMax.get(i), vi);
                    vMax.set(i, vi);
                }
                double eta = Math.min(Math.max(stepSize / (Math.sqrt(vi) + eps), lower), upper);
                p.set(i, pi - eta * mi);
            }
        }
    }
}
