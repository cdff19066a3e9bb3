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
 * D-Adaptation Adam, Defazio &amp; Mishchenko (2023), "Learning-Rate-Free Learning by
 * D-Adaptation", arXiv:2301.07733 (the paper's Adam variant of D-Adaptation).
 *
 * <p>Follows the authors' {@code dadaptation/dadapt_adam.py} (facebookresearch/dadaptation,
 * commit c9849802) with one global {@code d} and layer scale 1. With
 * {@code dlr = d * lr * bias} (old {@code d}; {@code bias = sqrt(1-beta2^(k+1)) / (1-beta1^(k+1))}
 * only with {@code use_bias_correction}), and {@code sb2 = sqrt(beta2)}:
 * <pre>
 * g     = g + weight_decay * p                         (coupled decay only)
 * acc   = dlr * &lt;g, s / (sqrt(v) + eps)&gt;           (s, v before the update)
 * m     = beta1 m + dlr (1-beta1) g                    (step size folded into m)
 * v     = beta2 v + (1-beta2) g^2
 * s     = sb2 s + dlr (1-sb2) g
 * num   = sb2 num + (1-sb2) acc
 * d     = max(d, min(num / ((1-sb2) ||s||_1), d * growth_rate))
 * p     = p - weight_decay * dlr * p                   (decoupled decay only, old dlr)
 * p     = p - m / (sqrt(v) + eps)
 * </pre>
 *
 * <p>Differences from the paper, all following the code: no bias correction by default (the
 * paper's Algorithm uses it); {@code lr} and {@code d} are folded into {@code m}, so a change of
 * {@code d} only affects new gradients; the numerator uses {@code s} and {@code v} from before
 * the update; the EMA factor of {@code s} and of the numerator is {@code sqrt(beta2)}. If
 * {@code ||s||_1 = 0} (every gradient so far exactly zero) the step leaves parameters, {@code d}
 * and the step count unchanged, as the code's early return does.
 */
@Extension
public final class DAdaptAdam implements Optimizer {
    static final int M = 0;
    static final int V = 1;
    static final int S = 2;
    static final int D = 0;
    static final int NUMERATOR = 1;
    static final int STEPS = 2;

    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("lr", 1.0).positive().logScale().help("multiplier of the D-adapted step size; leave at 1 unless training is unstable")
        .real("beta1", 0.9).range(0, 1).below(1).help("decay of the first moment")
        .real("beta2", 0.999).range(0, 1).below(1).help("decay of the second moment; sqrt(beta2) is the decay of the d estimate's sums")
        .real("eps", 1e-8).positive().logScale().help("added to sqrt(v), outside the root")
        .real("weight_decay", 0.0).nonNegative().help("weight decay: L2 added to the gradient, or AdamW-style if decoupled")
        .bool("decoupled_weight_decay", false).help("apply weight decay AdamW-style, p -= weight_decay * dlr * p")
        .bool("use_bias_correction", false).help("multiply the step size by Adam's bias correction sqrt(1-beta2^k)/(1-beta1^k)")
        .real("d0", 1e-6).positive().logScale().help("initial estimate of the distance to the solution")
        .real("growth_rate", Double.POSITIVE_INFINITY).min(1).help("largest factor by which d may grow per step; Infinity = unrestricted")
        .build();

    @Override public String id() {
        return "dadapt_adam";
    }

    @Override public String displayName() {
        return "D-Adaptation Adam";
    }

    @Override public String description() {
        return "Adam whose step size is set by D-Adaptation's estimate of the distance to the solution.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(Papers.D_ADAPTATION);
    }

    @Override public UpdateRule create(Hyperparameters h) {
        return new Rule(h.real("beta1"), h.real("beta2"), h.real("eps"), h.real("weight_decay"),
            h.bool("decoupled_weight_decay"), h.bool("use_bias_correction"), h.real("d0"), h.real("growth_rate"));
    }

    private record Rule(double beta1, double beta2, double eps, double weightDecay, boolean decoupled,
                        boolean biasCorrection, double d0, double growthRate) implements UpdateRule {
        @Override public int slots() {
            return 3;
        }

        @Override public int scalars() {
            return 3;
        }

        @Override public void initialize(Buffers b) {
            b.scalars()[D] = d0;
        }

        @Override public void step(Buffers b, StepContext ctx) {
            Vec p = b.params();
            Vec g = b.grad();
            Vec m = b.slot(M);
            Vec v = b.slot(V);
            Vec s = b.slot(S);
            double[] sc = b.scalars();
            int n = p.length();
            double k = sc[STEPS];
            double bias = biasCorrection ? Math.sqrt(1 - Math.pow(beta2, k + 1)) / (1 - Math.pow(beta1, k + 1)) : 1;
            double d = sc[D];
            double dlr = d * ctx.learningRate() * bias;
            double sb2 = Math.sqrt(beta2);
            double coupled = decoupled ? 0 : weightDecay;
            double acc = 0;
            double skl1 = 0;
            for (int i = 0; i < n; i++) {
                double gi = g.get(i) + coupled * p.get(i);
                double si = s.get(i);
                double vi = v.get(i);
                acc += gi * (si / (Math.sqrt(vi) + eps));
                m.set(i, m.get(i) * beta1 + dlr * (1 - beta1) * gi);
                v.set(i, vi * beta2 + (1 - beta2) * gi * gi);
                s.set(i, si * sb2 + dlr * (1 - sb2) * gi);
                skl1 += Math.abs(s.get(i));
            }
            if (skl1 == 0) {
                return;
            }
            sc[NUMERATOR] = sb2 * sc[NUMERATOR] + (1 - sb2) * (dlr * acc);
            double dHat = sc[NUMERATOR] / ((1 - sb2) * skl1);
            sc[D] = Py.max(d, Py.min(dHat, d * growthRate));
            double decay = decoupled ? weightDecay * dlr : 0;
            for (int i = 0; i < n; i++) {
                double pi = p.get(i);
                if (decay != 0) {
                    pi = pi - decay * pi;
                }
                p.set(i, pi - m.get(i) / (Math.sqrt(v.get(i)) + eps));
            }
            sc[STEPS] = k + 1;
        }
    }
}
