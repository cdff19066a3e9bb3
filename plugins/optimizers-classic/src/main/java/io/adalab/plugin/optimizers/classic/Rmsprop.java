package io.adalab.plugin.optimizers.classic;

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
 * RMSprop as {@code torch.optim.RMSprop} 1.13: {@code d = g + wd*p}; {@code v = alpha*v + (1-alpha)*d^2};
 * centered: {@code gavg = alpha*gavg + (1-alpha)*d}, {@code avg = sqrt(v - gavg^2) + eps}, else
 * {@code avg = sqrt(v) + eps}; momentum: {@code buf = mu*buf + d/avg}, {@code p -= lr*buf}; else
 * {@code p -= lr*d/avg}.
 *
 * <p>Tieleman and Hinton (2012), Coursera "Neural Networks for Machine Learning", lecture 6e (no
 * paper); the centered variant is Graves (2013), "Generating Sequences With Recurrent Neural
 * Networks", arXiv:1308.0850, eqs. (38)-(41). Differences from Graves: eps outside the square root,
 * and the momentum buffer starts at 0 (not at the first step); no bias correction. The schedule
 * may drive {@code momentum} (one-cycle) when momentum is configured non-zero.
 */
@Extension
public final class Rmsprop implements Optimizer {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("lr", 0.01).positive().logScale().help("learning rate")
        .real("alpha", 0.99).range(0, 1).help("smoothing constant of the squared-gradient average")
        .real("eps", 1e-8).nonNegative().logScale().help("added to the root mean square, outside the square root")
        .real("weight_decay", 0.0).nonNegative().help("coupled L2 penalty added to the gradient")
        .real("momentum", 0.0).range(0, 1).help("momentum of the normalised step; 0 disables it")
        .bool("centered", false).help("normalise by the variance estimate v - mean(g)^2 (Graves 2013)")
        .bool("maximize", false).help("maximize the objective instead of minimizing it")
        .build();

    @Override public String id() {
        return "rmsprop";
    }

    @Override public String displayName() {
        return "RMSprop";
    }

    @Override public String description() {
        return "Gradient divided by a running root mean square, optionally centered and with momentum (torch.optim.RMSprop).";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(PaperReference.arxiv("Graves", 2013, "Generating Sequences With Recurrent Neural Networks",
            "1308.0850", "(RMSprop: Tieleman and Hinton 2012, Coursera lecture 6e)"));
    }

    @Override public UpdateRule create(Hyperparameters h) {
        return new Rule(h.real("alpha"), h.real("eps"), h.real("weight_decay"), h.real("momentum"), h.bool("centered"),
            h.bool("maximize") ? -1 : 1);
    }

    /** Slots: 0 = v, then the momentum buffer if momentum != 0, then gavg if centered. */
    private record Rule(double alpha, double eps, double weightDecay, double momentum, boolean centered, double sign)
        implements UpdateRule {

        @Override public int slots() {
            return 1 + (momentum != 0 ? 1 : 0) + (centered ? 1 : 0);
        }

        @Override public void step(Buffers b, StepContext ctx) {
            Vec p = b.params();
            Vec g = b.grad();
            Vec v = b.slot(0);
            boolean useMomentum = momentum != 0;
            Vec buf = useMomentum ? b.slot(1) : null;
            Vec gavg = centered ? b.slot(useMomentum ? 2 : 1) : null;
            double lr = ctx.learningRate();
            double mu = useMomentum ? ctx.scheduled("momentum", momentum) : 0;
            double keep = 1 - alpha;
            if (!centered && p instanceof Vec.F32 p32) {
                // centered RMSprop (a third buffer) stays on the double loop below
                rmspropF32(p32.array(), ((Vec.F32) g).array(), ((Vec.F32) v).array(),
                    useMomentum ? ((Vec.F32) buf).array() : null, (float) alpha, (float) keep, (float) eps,
                    (float) weightDecay, (float) sign, (float) mu, (float) lr);
                return;
            }
            for (int i = 0, n = p.length(); i < n; i++) {
                double pi = p.get(i);
                double d = sign * g.get(i) + weightDecay * pi;
                double vi = alpha * v.get(i) + keep * d * d;
                v.set(i, vi);
                double avg;
                if (centered) {
                    double ga = alpha * gavg.get(i) + keep * d;
                    gavg.set(i, ga);
                    avg = Math.sqrt(vi - ga * ga) + eps;
                } else {
                    avg = Math.sqrt(vi) + eps;
                }
                if (useMomentum) {
                    double m = mu * buf.get(i) + d / avg;
                    buf.set(i, m);
                    p.set(i, pi - lr * m);
                } else {
                    p.set(i, pi - lr * d / avg);
                }
            }
        }

        /**
         * The non-centered update in float maths over the raw arrays: the double loop is
         * compute-bound on float32 parameters; these plain counted loops without branches are
         * vectorised by C2 (one per momentum setting: a null check inside one loop would stop that).
         */
        private static void rmspropF32(float[] p, float[] g, float[] v, float[] buf, float alpha, float keep, float eps,
                                       float wd, float sign, float mu, float lr) {
            if (buf == null) {
                for (int i = 0; i < p.length; i++) {
                    float pi = p[i];
                    float d = sign * g[i] + wd * pi;
                    float vi = alpha * v[i] + keep * d * d;
                    v[i] = vi;
                    p[i] = pi - lr * d / ((float) Math.sqrt(vi) + eps);
                }
            } else {
                for (int i = 0; i < p.length; i++) {
                    float pi = p[i];
                    float d = sign * g[i] + wd * pi;
                    float vi = alpha * v[i] + keep * d * d;
                    v[i] = vi;
                    float m = mu * buf[i] + d / ((float) Math.sqrt(vi) + eps);
                    buf[i] = m;
                    p[i] = pi - lr * m;
                }
            }
        }
    }
}
