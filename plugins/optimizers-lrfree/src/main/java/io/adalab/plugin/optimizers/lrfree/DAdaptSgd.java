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
 * D-Adaptation SGD: dual averaging whose step size {@code d} is a running lower bound on the
 * distance to the solution, Defazio &amp; Mishchenko (2023), "Learning-Rate-Free Learning by
 * D-Adaptation", arXiv:2301.07733 (Algorithm 1, D-Adapted Dual Averaging, in the SGD form of the
 * authors' code; the estimate d_hat = 2 sum dlr &lt;g, s&gt; / ||s|| is the paper's lower bound on D).
 *
 * <p>Follows the authors' {@code dadaptation/dadapt_sgd.py} (facebookresearch/dadaptation,
 * commit c9849802), one global {@code d} over all parameters. With {@code k} the step count,
 * {@code dlr = d * lr / ||g_0||} (the old {@code d}); per step:
 * <pre>
 * g     = g + weight_decay * p
 * num  += dlr * &lt;g, s&gt;            (s before this step's update)
 * s     = s + dlr * g
 * d_hat = 2 * num / ||s||
 * d     = max(d, min(d_hat, d * growth_rate))
 * z     = x0 - s                       (dual averaging iterate)
 * p     = momentum * p + (1 - momentum) * z
 * </pre>
 *
 * <p>Where the code differs from the paper, we follow the code:
 * <ul>
 *   <li>{@code ||g_0||} is the norm of the first <em>raw</em> gradient: the code's weight-decay
 *       line there is {@code grad.add(p, alpha=decay)}, not in place, so weight decay never
 *       enters {@code g_0} (a bug, reproduced for the reference trajectories);</li>
 *   <li>momentum is the code's averaging {@code p = momentum p + (1-momentum) z} (the paper's
 *       SGD variant has none);</li>
 *   <li>{@code growth_rate} (default +Infinity) caps how fast {@code d} may grow, as in the code.</li>
 * </ul>
 * We add one guard the code lacks: while every gradient has been exactly zero ({@code ||g_0|| = 0})
 * the step does nothing, instead of producing NaN.
 *
 * <p>The learning rate is {@link StepContext#learningRate()}: the {@code lr} multiplier
 * (default 1, as the authors recommend), scaled by the run's schedule.
 */
@Extension
public final class DAdaptSgd implements Optimizer {
    static final int X0 = 0;
    static final int S = 1;
    static final int D = 0;
    static final int NUMERATOR = 1;
    static final int G0_NORM = 2;

    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("lr", 1.0).positive().logScale().help("multiplier of the D-adapted step size; leave at 1 unless training is unstable")
        .real("momentum", 0.0).range(0, 1).below(1).help("weight of the current point when averaging with the dual-averaging iterate z")
        .real("weight_decay", 0.0).nonNegative().help("L2 penalty added to the gradient (not to the first gradient norm, as in the authors' code)")
        .real("d0", 1e-6).positive().logScale().help("initial estimate of the distance to the solution")
        .real("growth_rate", Double.POSITIVE_INFINITY).min(1).help("largest factor by which d may grow per step; Infinity = unrestricted")
        .build();

    @Override public String id() {
        return "dadapt_sgd";
    }

    @Override public String displayName() {
        return "D-Adaptation SGD";
    }

    @Override public String description() {
        return "SGD (dual averaging) whose step size estimates the distance to the solution; no learning rate to tune.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(Papers.D_ADAPTATION);
    }

    @Override public UpdateRule create(Hyperparameters h) {
        return new Rule(h.real("momentum"), h.real("weight_decay"), h.real("d0"), h.real("growth_rate"));
    }

    private record Rule(double momentum, double weightDecay, double d0, double growthRate) implements UpdateRule {
        @Override public int slots() {
            return 2;
        }

        @Override public int scalars() {
            return 3;
        }

        @Override public void initialize(Buffers b) {
            b.slot(X0).copyFrom(b.params());
            b.scalars()[D] = d0;
        }

        @Override public void step(Buffers b, StepContext ctx) {
            Vec p = b.params();
            Vec g = b.grad();
            Vec x0 = b.slot(X0);
            Vec s = b.slot(S);
            double[] sc = b.scalars();
            int n = p.length();
            if (sc[G0_NORM] == 0) {
                double gsq = 0;
                for (int i = 0; i < n; i++) {
                    double gi = g.get(i);
                    gsq += gi * gi;
                }
                sc[G0_NORM] = Math.sqrt(gsq);
                if (sc[G0_NORM] == 0) {
                    return;
                }
            }
            double d = sc[D];
            double dlr = d * ctx.learningRate() / sc[G0_NORM];
            double ck = 1 - momentum;
            // z and p do not depend on the new d, so one fused pass does the sums and the update.
            double gs = 0;
            double sksq = 0;
            for (int i = 0; i < n; i++) {
                double pi = p.get(i);
                double gi = g.get(i) + weightDecay * pi;
                double si = s.get(i);
                gs += gi * si;
                si = si + dlr * gi;
                s.set(i, si);
                si = s.get(i);
                sksq += si * si;
                double z = x0.get(i) - si;
                p.set(i, pi * (1 - ck) + ck * z);
            }
            sc[NUMERATOR] += dlr * gs;
            double dHat = 2 * sc[NUMERATOR] / Math.sqrt(sksq);
            sc[D] = Py.max(d, Py.min(dHat, d * growthRate));
        }
    }
}
