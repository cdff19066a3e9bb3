package io.adalab.plugin.optimizers.classic;

import io.adalab.api.Buffers;
import io.adalab.api.HyperparameterException;
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
 * Stochastic gradient descent with optional heavy-ball or Nesterov momentum, as {@code torch.optim.SGD}
 * 1.13: {@code d = g + wd*p}; with momentum {@code buf = d} on the first step (no dampening), then
 * {@code buf = mu*buf + (1 - dampening)*d}; {@code d = d + mu*buf} (Nesterov) or {@code d = buf};
 * {@code p -= lr*d}.
 *
 * <p>Sources: Robbins and Monro (1951); momentum as in Sutskever, Martens, Dahl, Hinton (2013), "On
 * the importance of initialization and momentum in deep learning", ICML, eqs. (1)-(2) for heavy
 * ball and (3)-(4) for Nesterov. Differences: like torch, the learning rate multiplies the whole
 * buffer (Sutskever et al. put it inside the velocity), which differs when lr changes during a run;
 * weight decay is coupled L2. torch has no default lr; ours is 0.01 so that a bare {@code sgd}
 * runs. The schedule may drive {@code momentum} (one-cycle) when momentum is configured non-zero.
 */
@Extension
public final class Sgd implements Optimizer {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("lr", 0.01).positive().logScale().help("learning rate (torch has no default; ours is 0.01)")
        .real("momentum", 0.0).range(0, 1).help("heavy-ball momentum factor; 0 disables momentum")
        .real("dampening", 0.0).range(0, 1).help("dampening of the gradient in the momentum buffer")
        .real("weight_decay", 0.0).nonNegative().help("coupled L2 penalty added to the gradient")
        .bool("nesterov", false).help("Nesterov momentum (needs momentum > 0 and dampening 0)")
        .bool("maximize", false).help("maximize the objective instead of minimizing it")
        .build();

    @Override public String id() {
        return "sgd";
    }

    @Override public String displayName() {
        return "SGD";
    }

    @Override public String description() {
        return "Stochastic gradient descent with optional momentum, dampening, Nesterov and weight decay (torch.optim.SGD).";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(new PaperReference("Sutskever, Martens, Dahl, Hinton", 2013,
            "On the importance of initialization and momentum in deep learning", "", "ICML 2013"));
    }

    @Override public UpdateRule create(Hyperparameters h) {
        if (h.bool("nesterov") && (h.real("momentum") <= 0 || h.real("dampening") != 0)) {
            throw new HyperparameterException("nesterov", "nesterov needs momentum > 0 and dampening = 0");
        }
        return new Rule(h.real("momentum"), h.real("dampening"), h.real("weight_decay"), h.bool("nesterov"),
            h.bool("maximize"));
    }

    private record Rule(double momentum, double dampening, double weightDecay, boolean nesterov, boolean maximize)
        implements UpdateRule {

        @Override public int slots() {
            return momentum != 0 ? 1 : 0;
        }

        @Override public void step(Buffers b, StepContext ctx) {
            Vec p = b.params();
            Vec g = b.grad();
            double lr = ctx.learningRate();
            double wd = weightDecay;
            double sign = maximize ? -1 : 1;
            if (p instanceof Vec.F32 p32) {
                float[] buf = momentum == 0 ? null : ((Vec.F32) b.slot(0)).array();
                sgdF32(p32.array(), ((Vec.F32) g).array(), buf, ctx.step() == 1, (float) ctx.scheduled("momentum", momentum),
                    (float) (1 - dampening), nesterov, (float) lr, (float) wd, (float) sign);
                return;
            }
            if (momentum == 0) {
                for (int i = 0, n = p.length(); i < n; i++) {
                    double pi = p.get(i);
                    p.set(i, pi - lr * (sign * g.get(i) + wd * pi));
                }
                return;
            }
            Vec buf = b.slot(0);
            double mu = ctx.scheduled("momentum", momentum);
            double keep = 1 - dampening;
            boolean first = ctx.step() == 1;
            for (int i = 0, n = p.length(); i < n; i++) {
                double pi = p.get(i);
                double d = sign * g.get(i) + wd * pi;
                double m = first ? d : mu * buf.get(i) + keep * d;
                buf.set(i, m);
                p.set(i, pi - lr * (nesterov ? d + mu * m : m));
            }
        }

        /**
         * The same update in float maths over the raw arrays: the double loops above widen every
         * element through Vec.get/set and are compute-bound on float32 parameters; these plain
         * counted loops without branches are vectorised by C2. The first momentum step
         * ({@code buf = d}) is the general one with mu = 0 and 1 - dampening = 1, exact as buf is
         * still zero; heavy ball is the Nesterov form {@code dn*d + mu*buf} with dn = 0, mu = 1 (exact
         * for finite values).
         */
        private static void sgdF32(float[] p, float[] g, float[] buf, boolean first, float mu, float keep,
                                   boolean nesterov, float lr, float wd, float sign) {
            if (buf == null) {
                for (int i = 0; i < p.length; i++) {
                    float pi = p[i];
                    p[i] = pi - lr * (sign * g[i] + wd * pi);
                }
                return;
            }
            float muBuf = first ? 0 : mu;
            float keepD = first ? 1 : keep;
            float stepD = nesterov ? 1 : 0;
            float stepBuf = nesterov ? mu : 1;
            for (int i = 0; i < p.length; i++) {
                float pi = p[i];
                float d = sign * g[i] + wd * pi;
                float m = muBuf * buf[i] + keepD * d;
                buf[i] = m;
                p[i] = pi - lr * (stepD * d + stepBuf * m);
            }
        }
    }
}
