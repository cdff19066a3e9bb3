package io.adalab.plugin.optimizers.lrfree;

import io.adalab.api.Buffers;
import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.Optimizer;
import io.adalab.api.ParameterGroup;
import io.adalab.api.PaperReference;
import io.adalab.api.StepContext;
import io.adalab.api.UpdateRule;
import io.adalab.api.Vec;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Prodigy: Adam with a D-Adaptation-style estimate {@code d} of the distance to the solution,
 * weighted to grow faster, Mishchenko &amp; Defazio (2023), "Prodigy: An Expeditiously Adaptive
 * Parameter-Free Learner", arXiv:2306.06101 (the paper's Adam version of Prodigy).
 *
 * <p>Follows the authors' {@code prodigyopt/prodigy.py} (konstmish/prodigy, commit 3efb213e),
 * one global {@code d}. With {@code dlr = d * lr * bias} (old {@code d}; {@code bias} is Adam's
 * {@code sqrt(1-beta2^(k+1)) / (1-beta1^(k+1))} only with {@code use_bias_correction}) and
 * {@code p0} the initial point:
 * <pre>
 * g     = g + weight_decay * p                          (coupled decay only)
 * num   = beta3 num + (d/d0) dlr &lt;g, p0 - p&gt;
 * m     = beta1 m + d (1-beta1) g
 * v     = beta2 v + d^2 (1-beta2) g^2
 * s     = beta3 s + (d/d0) dlr g                        ((d/d0) d g with safeguard_warmup)
 * d_hat = d_coef num / ||s||_1
 * d     = max(d, d_hat) only while d == d0;  d_max = max(d_max, d_hat);  d = min(d_max, d growth_rate)
 * p     = p - weight_decay dlr p                        (decoupled decay, the default)
 * p     = p - dlr m / (sqrt(v) + d_new eps)
 * </pre>
 *
 * <p>Differences from the paper, following the code: the parameter update uses the <b>old</b>
 * {@code dlr} but the <b>new</b> {@code d} in the eps term; moments carry the {@code d} of the
 * step that formed them ({@code m ~ d}, {@code v ~ d^2}); numerator and {@code s} are scaled by
 * {@code d/d0} to avoid tiny numbers; no bias correction by default; decoupled weight decay by
 * default; {@code beta3} defaults to {@code sqrt(beta2)}. If {@code ||s||_1 = 0} the step changes
 * nothing but the moments, as the code's early return. {@code slice_p > 1} computes the d
 * statistics on every {@code slice_p}-th element of each parameter group (the code slices each
 * tensor), an approximation that saves memory in the original; here {@code s} and {@code p0}
 * stay full-size slots, so it only saves time.
 *
 * <p>{@code beta3} is optional: any negative value (the default, {@code -1}) means
 * {@code sqrt(beta2)}, the code's {@code beta3=None}.
 */
@Extension
public final class Prodigy implements Optimizer {
    static final int P0 = 0;
    static final int S = 1;
    static final int M = 2;
    static final int V = 3;
    static final int D = 0;
    static final int D_MAX = 1;
    static final int NUMERATOR = 2;
    static final int STEPS = 3;

    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("lr", 1.0).positive().logScale().help("multiplier of the adapted step size; leave at 1 unless training is unstable")
        .real("beta1", 0.9).range(0, 1).below(1).help("decay of the first moment")
        .real("beta2", 0.999).range(0, 1).below(1).help("decay of the second moment")
        .real("beta3", -1.0).range(-1, 1).below(1).help("decay of the d estimate's sums; negative (default) = sqrt(beta2)")
        .real("eps", 1e-8).positive().logScale().help("added to sqrt(v) after scaling by d")
        .real("weight_decay", 0.0).nonNegative().help("weight decay: decoupled (default) or L2 added to the gradient")
        .bool("decoupled_weight_decay", true).help("apply weight decay AdamW-style, p -= weight_decay * dlr * p")
        .bool("use_bias_correction", false).help("multiply the step size by Adam's bias correction")
        .bool("safeguard_warmup", false).help("leave lr out of s, which avoids problems during a warm-up schedule")
        .real("d0", 1e-6).positive().logScale().help("initial estimate of the distance to the solution")
        .real("d_coef", 1.0).positive().logScale().help("factor of the d estimate; the preferred knob to tune (0.5 and 2 often work)")
        .real("growth_rate", Double.POSITIVE_INFINITY).min(1).help("largest factor by which d may grow per step; Infinity = unrestricted")
        .integer("slice_p", 1).min(1).help("compute the d statistics on every slice_p-th element only (1 = exact)")
        .build();

    @Override public String id() {
        return "prodigy";
    }

    @Override public String displayName() {
        return "Prodigy";
    }

    @Override public String description() {
        return "Adam with a fast-growing D-Adaptation estimate of the step size; no learning rate to tune.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(Papers.PRODIGY);
    }

    @Override public UpdateRule create(Hyperparameters h) {
        double beta2 = h.real("beta2");
        double beta3 = h.real("beta3") < 0 ? Math.sqrt(beta2) : h.real("beta3");
        return new Rule(h.real("beta1"), beta2, beta3, h.real("eps"), h.real("weight_decay"),
            h.bool("decoupled_weight_decay"), h.bool("use_bias_correction"), h.bool("safeguard_warmup"),
            h.real("d0"), h.real("d_coef"), h.real("growth_rate"), h.integerAsInt("slice_p"));
    }

    private record Rule(double beta1, double beta2, double beta3, double eps, double weightDecay, boolean decoupled,
                        boolean biasCorrection, boolean safeguardWarmup, double d0, double dCoef, double growthRate,
                        int sliceP) implements UpdateRule {
        @Override public int slots() {
            return 4;
        }

        @Override public int scalars() {
            return 4;
        }

        @Override public void initialize(Buffers b) {
            b.slot(P0).copyFrom(b.params());
            b.scalars()[D] = d0;
            b.scalars()[D_MAX] = d0;
        }

        @Override public void step(Buffers b, StepContext ctx) {
            Vec p = b.params();
            Vec m = b.slot(M);
            Vec v = b.slot(V);
            double[] sc = b.scalars();
            double lr = ctx.learningRate();
            double k = sc[STEPS];
            double bias = biasCorrection ? Math.sqrt(1 - Math.pow(beta2, k + 1)) / (1 - Math.pow(beta1, k + 1)) : 1;
            double d = sc[D];
            double dlr = d * lr * bias;
            double sCoef = (d / d0) * (safeguardWarmup ? d : dlr);
            Vec g = b.grad();
            Vec p0 = b.slot(P0);
            Vec s = b.slot(S);
            double coupled = decoupled ? 0 : weightDecay;
            double mCoef = d * (1 - beta1);
            double vCoef = d * d * (1 - beta2);
            double dot = 0;
            double dDenom = 0;
            // slice_p counts from the start of each group (the code slices each tensor).
            List<ParameterGroup> groups = b.groups();
            int blocks = sliceP == 1 ? 1 : groups.size();
            for (int block = 0; block < blocks; block++) {
                int from = sliceP == 1 ? 0 : groups.get(block).offset();
                int to = sliceP == 1 ? p.length() : groups.get(block).end();
                for (int i = from, j = 0; i < to; i++, j++) {
                    double pi = p.get(i);
                    double gi = g.get(i) + coupled * pi;
                    if (j % sliceP == 0) {
                        dot += gi * (p0.get(i) - pi);
                        s.set(i, s.get(i) * beta3 + sCoef * gi);
                        dDenom += Math.abs(s.get(i));
                    }
                    m.set(i, m.get(i) * beta1 + mCoef * gi);
                    v.set(i, v.get(i) * beta2 + vCoef * gi * gi);
                }
            }
            if (dDenom == 0) {
                return;
            }
            double dNumerator = sc[NUMERATOR] * beta3 + (d / d0) * dlr * dot;
            sc[NUMERATOR] = dNumerator;
            if (lr > 0) {
                double dHat = dCoef * dNumerator / dDenom;
                if (d == d0) {
                    d = Py.max(d, dHat);
                }
                sc[D_MAX] = Py.max(sc[D_MAX], dHat);
                d = Py.min(sc[D_MAX], d * growthRate);
                sc[D] = d;
            }
            double dEps = d * eps;
            double decay = decoupled ? -weightDecay * dlr : 0;
            for (int i = 0, n = p.length(); i < n; i++) {
                double pi = p.get(i);
                if (decay != 0) {
                    pi = pi + decay * pi;
                }
                p.set(i, pi - dlr * (m.get(i) / (Math.sqrt(v.get(i)) + dEps)));
            }
            sc[STEPS] = k + 1;
        }
    }
}
