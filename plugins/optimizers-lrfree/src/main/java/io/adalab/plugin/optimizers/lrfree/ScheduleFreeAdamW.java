package io.adalab.plugin.optimizers.lrfree;

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
 * Schedule-Free AdamW, Defazio, Yang, Mehta, Mishchenko, Khaled &amp; Cutkosky (2024), "The Road
 * Less Scheduled", arXiv:2405.15682 (Algorithm 1).
 *
 * <p>The sequences are those of {@link ScheduleFreeSgd} with an Adam-normalised base step: the
 * parameters hold {@code y}, slot {@code z} the base iterate, and the evaluation point
 * {@code x = lerp(y, z, 1 - 1/beta1)} is computed on demand by {@link UpdateRule#evaluationPoint}.
 * {@code beta1} is the interpolation constant of the paper, not a first-moment decay.
 *
 * <p>Follows the authors' {@code schedulefree/adamw_schedulefree.py} (facebookresearch/schedule_free,
 * commit 70785b53, for-loop path), which differs from the paper's Algorithm 1 and from older
 * releases ({@code schedulefree <= 1.2}: {@code lr sqrt(bc2)} and {@code sqrt(v) + eps}):
 * <pre>
 * lr_k   = lr * min(1, (k+1)/warmup_steps);  lr_max, weight and c as in Schedule-Free SGD
 * v      = beta2 v + (1-beta2) g^2
 * u      = g / (sqrt(v / (1-beta2^(k+1))) + eps)      (bias-corrected v inside the root, eps outside)
 *          or, if inner_momentum != 0:  m = im m + (1-im) g,  u = (m / (1-im^(k+1))) / (...same denominator)
 * u      = u + weight_decay * y                      (decay at y, after the normalisation)
 * y      = lerp(y, z, c);  y = y + lr_k (beta1 (1-c) - 1) u
 * z      = z - lr_k u
 * </pre>
 * The paper's Algorithm 1 applies the decay inside the base step and warms up with the bias
 * correction in the learning rate; {@code inner_momentum} is an option of the code only.
 */
@Extension
public final class ScheduleFreeAdamW implements Optimizer {
    static final int Z = 0;
    static final int V = 1;
    static final int M = 2;

    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("lr", 0.0025).positive().logScale().help("step size of the base sequence z")
        .real("beta1", 0.9).above(0).below(1).help("interpolation between z and the average x where gradients are taken")
        .real("beta2", 0.999).range(0, 1).below(1).help("decay of the second moment")
        .real("eps", 1e-8).positive().logScale().help("added to the bias-corrected sqrt(v), outside the root")
        .real("weight_decay", 0.0).nonNegative().help("decoupled weight decay evaluated at y, added to the normalised step")
        .integer("warmup_steps", 0).nonNegative().help("steps of linear learning-rate warm-up")
        .real("r", 0.0).nonNegative().help("polynomial weighting (k+1)^r of the average")
        .real("weight_lr_power", 2.0).nonNegative().help("the average weights each point by lr_max to this power")
        .real("inner_momentum", 0.0).range(0, 1).below(1).help("optional first-moment EMA of the base step (0 = none, as in the paper)")
        .build();

    @Override public String id() {
        return "sf_adamw";
    }

    @Override public String displayName() {
        return "Schedule-Free AdamW";
    }

    @Override public String description() {
        return "AdamW with interpolation and iterate averaging in place of a learning-rate schedule; evaluate at the average x.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(Papers.SCHEDULE_FREE);
    }

    @Override public UpdateRule create(Hyperparameters h) {
        return new Rule(h.real("beta1"), h.real("beta2"), h.real("eps"), h.real("weight_decay"), h.integer("warmup_steps"),
            h.real("r"), h.real("weight_lr_power"), h.real("inner_momentum"));
    }

    private record Rule(double beta1, double beta2, double eps, double weightDecay, long warmupSteps, double r,
                        double weightLrPower, double innerMomentum) implements UpdateRule {
        @Override public int slots() {
            return innerMomentum != 0 ? 3 : 2;
        }

        @Override public int scalars() {
            return ScheduleFreeAveraging.SCALARS;
        }

        @Override public void initialize(Buffers b) {
            b.slot(Z).copyFrom(b.params());
            ScheduleFreeAveraging.initialize(b.scalars());
        }

        @Override public void step(Buffers b, StepContext ctx) {
            double[] sc = b.scalars();
            double k = sc[ScheduleFreeAveraging.STEPS];
            double lr = ScheduleFreeAveraging.learningRate(sc, ctx.learningRate(), warmupSteps);
            double c = ScheduleFreeAveraging.interpolation(sc, lr, r, weightLrPower);
            double bc2 = 1 - Math.pow(beta2, k + 1);
            double yCoef = lr * (beta1 * (1 - c) - 1);
            boolean momentum = innerMomentum != 0;
            double bc1 = momentum ? 1 - Math.pow(innerMomentum, k + 1) : 1;
            Vec y = b.params();
            Vec g = b.grad();
            Vec z = b.slot(Z);
            Vec v = b.slot(V);
            Vec m = momentum ? b.slot(M) : null;
            for (int i = 0, n = y.length(); i < n; i++) {
                double gi = g.get(i);
                double vi = v.get(i) * beta2 + (1 - beta2) * gi * gi;
                v.set(i, vi);
                double denom = Math.sqrt(v.get(i) / bc2) + eps;
                double ui;
                if (momentum) {
                    double mi = m.get(i) * innerMomentum + (1 - innerMomentum) * gi;
                    m.set(i, mi);
                    ui = (m.get(i) / bc1) / denom;
                } else {
                    ui = gi / denom;
                }
                double yi = y.get(i);
                if (weightDecay != 0) {
                    ui = ui + weightDecay * yi;
                }
                double zi = z.get(i);
                y.set(i, Py.lerp(yi, zi, c) + yCoef * ui);
                z.set(i, zi - lr * ui);
            }
            ScheduleFreeAveraging.advance(sc);
        }

        @Override public void evaluationPoint(Buffers b, Vec out) {
            ScheduleFreeAveraging.evaluationPoint(b.params(), b.slot(Z), beta1, out);
        }
    }
}
