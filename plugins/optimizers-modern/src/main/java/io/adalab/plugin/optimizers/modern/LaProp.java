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
 * LaProp: normalise the gradient by the RMS first, then take momentum of the normalised gradient,
 * decoupling momentum from adaptivity (Adam does it the other way round). Ziyin, Wang, Ueda (2020),
 * "LaProp: Separating Momentum and Adaptivity in Adam", arXiv:2002.04839, Algorithm 1.
 *
 * <p>Follows the authors' code (Z-T-WANG/LaProp-Optimizer), which produced the reference
 * trajectories:
 * <ul>
 *   <li>the learning rate is folded into the momentum, {@code m = beta1 m + (1 - beta1) lr g / d},
 *       and the first bias correction is a running EMA of the learning rates
 *       {@code a1 = beta1 a1 + (1 - beta1) lr}, the step being {@code p -= (lr / a1) m}: under a
 *       schedule the correction follows the lr history;</li>
 *   <li>the second correction is the recursive {@code a2 = beta2 a2 + (1 - beta2)}, not
 *       {@code 1 - beta2^t} by pow (equal up to rounding);</li>
 *   <li>{@code d = sqrt(v / a2) + eps}: eps outside the corrected root;</li>
 *   <li>{@code centered} subtracts {@code mean(g)^2} only after the first 10 steps; {@code amsgrad}
 *       keeps the maximum of that denominator (skipped while centering is still off);</li>
 *   <li>weight decay {@code p -= wd p} is applied after the step and is <em>not</em> multiplied by the
 *       learning rate (code quirk; AdamW multiplies).</li>
 * </ul>
 * Slots: {@code m}, {@code v} (+ centered mean, + max); scalars {@code a1}, {@code a2}. {@code beta1}
 * may be driven by a schedule.
 */
@Extension
public final class LaProp implements Optimizer {
    private static final int STEPS_BEFORE_CENTERED = 10;
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("lr", 4e-4).positive().logScale().help("step size")
        .real("beta1", 0.9).min(0).below(1).help("momentum of the normalised gradient")
        .real("beta2", 0.999).min(0).below(1).help("decay of the second moment")
        .real("eps", 1e-15).nonNegative().logScale().help("added outside the bias-corrected sqrt(v)")
        .real("weight_decay", 0.0).nonNegative().help("decay p -= wd*p after each step (not scaled by lr)")
        .bool("amsgrad", false).help("use the running maximum of the denominator")
        .bool("centered", false).help("subtract the squared mean gradient (after 10 steps)")
        .build();

    @Override public String id() {
        return "laprop";
    }

    @Override public String displayName() {
        return "LaProp";
    }

    @Override public String description() {
        return "RMS-normalise the gradient first, then apply momentum (Adam's order reversed).";
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(PaperReference.arxiv("Ziyin, Wang, Ueda", 2020,
            "LaProp: Separating Momentum and Adaptivity in Adam", "2002.04839", ""));
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public UpdateRule create(Hyperparameters h) {
        return new Rule(h.real("beta1"), h.real("beta2"), h.real("eps"), h.real("weight_decay"),
            h.bool("amsgrad"), h.bool("centered"));
    }

    private record Rule(double beta1, double beta2, double eps, double weightDecay, boolean amsgrad,
                        boolean centered) implements UpdateRule {
        @Override public int slots() {
            return 2 + (centered ? 1 : 0) + (amsgrad ? 1 : 0);
        }

        @Override public int scalars() {
            return 2;
        }

        @Override public void step(Buffers b, StepContext ctx) {
            double lr = ctx.learningRate();
            double b1 = ctx.scheduled("beta1", beta1);
            long t = ctx.step();
            double[] sc = b.scalars();
            sc[0] = sc[0] * b1 + (1 - b1) * lr;
            sc[1] = sc[1] * beta2 + (1 - beta2);
            double stepSize = 1 / (lr != 0 ? sc[0] / lr : 1);
            double a2 = sc[1];
            boolean subtractMean = centered && t > STEPS_BEFORE_CENTERED;
            boolean keepMax = amsgrad && !(centered && t <= STEPS_BEFORE_CENTERED);
            Vec p = b.params();
            Vec g = b.grad();
            Vec m = b.slot(0);
            Vec v = b.slot(1);
            Vec mean = centered ? b.slot(2) : null;
            Vec max = amsgrad ? b.slot(centered ? 3 : 2) : null;
            for (int i = 0, n = p.length(); i < n; i++) {
                double gi = g.get(i);
                double vi = beta2 * v.get(i) + (1 - beta2) * gi * gi;
                v.set(i, vi);
                double den = vi;
                if (mean != null) {
                    double ci = beta2 * mean.get(i) + (1 - beta2) * gi;
                    mean.set(i, ci);
                    if (subtractMean) {
                        den = vi - ci * ci;
                    }
                }
                if (keepMax) {
                    den = Math.max(max.get(i), den);
                    max.set(i, den);
                }
                double mi = b1 * m.get(i) + (1 - b1) * lr * (gi / (Math.sqrt(den / a2) + eps));
                m.set(i, mi);
                double pi = p.get(i) - stepSize * mi;
                p.set(i, pi - weightDecay * pi);
            }
        }
    }
}
