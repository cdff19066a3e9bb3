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
 * Yogi: Adam whose second moment moves additively, {@code v -= (1 - beta2) sign(v - g^2) g^2},
 * so it cannot forget large past gradients as fast as Adam's multiplicative update. Zaheer, Reddi,
 * Sachan, Kale, Kumar (2018), "Adaptive Methods for Nonconvex Optimization", NeurIPS 2018,
 * Algorithm 2 (no arXiv version).
 *
 * <p>The authors published TensorFlow code only; this follows kozistr/pytorch_optimizer's
 * {@code Yogi}, which produced the reference trajectories:
 * <ul>
 *   <li>{@code m} <em>and</em> {@code v} start at {@code initial_accumulator} (1e-6), not 0
 *       (the paper initialises {@code v} with a small constant; {@code m} at 0);</li>
 *   <li>both moments are bias-corrected, {@code eps} (default 1e-3, large on purpose, as in the
 *       paper) sits outside the corrected square root;</li>
 *   <li>{@code sign(0) = 0};</li>
 *   <li>decoupled decay {@code p *= 1 - lr wd} by default ({@code fixed_decay}: {@code 1 - wd});
 *       otherwise coupled L2.</li>
 * </ul>
 * Slots: {@code m}, {@code v}. {@code beta1} may be driven by a schedule.
 */
@Extension
public final class Yogi implements Optimizer {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("lr", 1e-2).positive().logScale().help("step size")
        .real("beta1", 0.9).min(0).below(1).help("decay of the first moment")
        .real("beta2", 0.999).min(0).below(1).help("rate of the additive second-moment update")
        .real("eps", 1e-3).nonNegative().logScale().help("added outside the bias-corrected sqrt(v)")
        .real("initial_accumulator", 1e-6).nonNegative().help("initial value of both m and v")
        .real("weight_decay", 0.0).nonNegative().help("weight decay coefficient")
        .bool("decoupled_weight_decay", true).help("AdamW-style decay p *= 1 - lr*wd instead of adding wd*p to the gradient")
        .bool("fixed_decay", false).help("decoupled decay without the learning rate: p *= 1 - wd")
        .build();

    @Override public String id() {
        return "yogi";
    }

    @Override public String displayName() {
        return "Yogi";
    }

    @Override public String description() {
        return "Adam with an additive, sign-controlled second-moment update.";
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(new PaperReference("Zaheer, Reddi, Sachan, Kale, Kumar", 2018,
            "Adaptive Methods for Nonconvex Optimization", "", "NeurIPS 2018"));
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public UpdateRule create(Hyperparameters h) {
        return new Rule(h.real("beta1"), h.real("beta2"), h.real("eps"), h.real("initial_accumulator"),
            h.real("weight_decay"), h.bool("decoupled_weight_decay"), h.bool("fixed_decay"));
    }

    private record Rule(double beta1, double beta2, double eps, double initial, double weightDecay,
                        boolean decoupled, boolean fixedDecay) implements UpdateRule {
        @Override public int slots() {
            return 2;
        }

        @Override public void initialize(Buffers b) {
            b.slot(0).fill(initial);
            b.slot(1).fill(initial);
        }

        @Override public void step(Buffers b, StepContext ctx) {
            double lr = ctx.learningRate();
            double b1 = ctx.scheduled("beta1", beta1);
            long t = ctx.step();
            double stepSize = lr / (1 - Math.pow(b1, t));
            double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
            double keep = decoupled ? 1 - (fixedDecay ? weightDecay : lr * weightDecay) : 1;
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
                double vi = v.get(i);
                vi -= (1 - beta2) * Math.signum(vi - gg) * gg;
                m.set(i, mi);
                v.set(i, vi);
                p.set(i, pi - stepSize * mi / (Math.sqrt(vi) / bc2Sqrt + eps));
            }
        }
    }
}
