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
 * AdEMAMix: AdamW whose numerator mixes the usual fast EMA of gradients with a very slow one
 * ({@code beta3 = 0.9999}), so gradients stay relevant for tens of thousands of steps. Pagliardini,
 * Ablin, Grangier (2024), "The AdEMAMix Optimizer: Better, Faster, Older", arXiv:2409.03137,
 * Algorithm 1:
 * <pre>
 *   m1 = beta1 m1 + (1 - beta1) g                 (bias-corrected: m1 / (1 - beta1^t))
 *   m2 = beta3(t) m2 + (1 - beta3(t)) g            (not bias-corrected)
 *   nu = beta2 nu + (1 - beta2) g^2                (bias-corrected: nu / (1 - beta2^t))
 *   p  = p - lr ( (m1_hat + alpha(t) m2) / (sqrt(nu_hat) + eps) + wd p )
 * </pre>
 * with the paper's warm-up schedulers f_alpha and f_beta3: {@code alpha(t) = min(t alpha / T_alpha, alpha)}
 * and {@code beta3(t) = min(exp(ln(beta1) ln(beta3) / ((1 - t/T_beta3) ln(beta3) + t/T_beta3
 * ln(beta1))), beta3)}, which grows the slow EMA's half-life linearly from beta1's to beta3's
 * (we evaluate it as {@code 1 / ln beta3(t) = (1 - tau)/ln beta1 + tau/ln beta3}, the same value, and
 * also defined for {@code beta1 = 0}; {@code tau = min(t / T_beta3, 1)}). The paper sets both
 * {@code T} to the run's length; 0 here disables a warm-up (constant alpha, beta3), as the official
 * code does when they are not given.
 *
 * <p>Compared with AdamW: {@code alpha = 0} gives AdamW (decoupled decay {@code lr wd p}, eps outside
 * the bias-corrected root). The decay is evaluated at the old {@code p}, inside the lr product, as in
 * Algorithm 1.
 *
 * <p>Slots: {@code m1}, {@code m2}, {@code nu}. {@code beta1} may be driven by a schedule.
 */
@Extension
public final class AdEMAMix implements Optimizer {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("lr", 1e-3).positive().logScale().help("step size")
        .real("beta1", 0.9).min(0).below(1).help("decay of the fast EMA m1")
        .real("beta2", 0.999).min(0).below(1).help("decay of the second moment nu")
        .real("beta3", 0.9999).min(0).below(1).help("final decay of the slow EMA m2")
        .real("alpha", 5.0).nonNegative().help("final weight of the slow EMA in the numerator")
        .integer("t_alpha", 0).min(0).help("steps of the linear alpha warm-up; 0 = none (paper: the run's length)")
        .integer("t_beta3", 0).min(0).help("steps of the beta3 half-life warm-up from beta1; 0 = none (paper: the run's length)")
        .real("eps", 1e-8).nonNegative().logScale().help("added outside the bias-corrected sqrt(nu)")
        .real("weight_decay", 0.0).nonNegative().help("decoupled decay lr*wd*p")
        .build();

    @Override public String id() {
        return "ademamix";
    }

    @Override public String displayName() {
        return "AdEMAMix";
    }

    @Override public String description() {
        return "AdamW with a second, very slow gradient EMA mixed into the numerator (with warm-ups).";
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(PaperReference.arxiv("Pagliardini, Ablin, Grangier", 2024,
            "The AdEMAMix Optimizer: Better, Faster, Older", "2409.03137", ""));
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public UpdateRule create(Hyperparameters h) {
        return new Rule(h.real("beta1"), h.real("beta2"), h.real("beta3"), h.real("alpha"), h.integer("t_alpha"),
            h.integer("t_beta3"), h.real("eps"), h.real("weight_decay"));
    }

    /** The paper's {@code f_alpha}: linear warm-up from 0 to {@code alpha} over {@code steps}. */
    static double alphaAt(long t, double alpha, long steps) {
        return steps <= 0 ? alpha : Math.min(t * alpha / steps, alpha);
    }

    /** The paper's {@code f_beta3}: half-life grows linearly from {@code start}'s to {@code end}'s. */
    static double beta3At(long t, double end, double start, long steps) {
        if (steps <= 0) {
            return end;
        }
        double tau = Math.min((double) t / steps, 1);
        double inverseLog = (1 - tau) / Math.log(start) + tau / Math.log(end);
        return Math.min(Math.exp(1 / inverseLog), end);
    }

    private record Rule(double beta1, double beta2, double beta3, double alpha, long tAlpha, long tBeta3,
                        double eps, double weightDecay) implements UpdateRule {
        @Override public int slots() {
            return 3;
        }

        @Override public void step(Buffers b, StepContext ctx) {
            double lr = ctx.learningRate();
            double b1 = ctx.scheduled("beta1", beta1);
            long t = ctx.step();
            double a = alphaAt(t, alpha, tAlpha);
            double b3 = beta3At(t, beta3, b1, tBeta3);
            double bc1 = 1 - Math.pow(b1, t);
            double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
            Vec p = b.params();
            Vec g = b.grad();
            Vec m1 = b.slot(0);
            Vec m2 = b.slot(1);
            Vec nu = b.slot(2);
            for (int i = 0, n = p.length(); i < n; i++) {
                double gi = g.get(i);
                double fast = b1 * m1.get(i) + (1 - b1) * gi;
                double slow = b3 * m2.get(i) + (1 - b3) * gi;
                double ni = beta2 * nu.get(i) + (1 - beta2) * gi * gi;
                m1.set(i, fast);
                m2.set(i, slow);
                nu.set(i, ni);
                double pi = p.get(i);
                p.set(i, pi - lr * ((fast / bc1 + a * slow) / (Math.sqrt(ni) / bc2Sqrt + eps) + weightDecay * pi));
            }
        }
    }
}
