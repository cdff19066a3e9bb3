package io.adalab.plugin.optimizers.adam;

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
 * RAdam as {@code torch.optim.RAdam} 1.13 (single-tensor path): m, v as Adam,
 * {@code rho_inf = 2/(1-b2) - 1}, {@code rho_t = rho_inf - 2 t b2^t/(1-b2^t)}; if {@code rho_t > 5}:
 * {@code p -= lr * mhat * r_t * sqrt(1-b2^t)/(sqrt(v) + eps)} with the rectification
 * {@code r_t = sqrt((rho_t-4)(rho_t-2)rho_inf / ((rho_inf-4)(rho_inf-2)rho_t))}; else
 * {@code p -= lr * mhat} (un-adapted momentum step).
 *
 * <p>Liu, Jiang, He, Chen, Liu, Gao, Han (2020), "On the Variance of the Adaptive Learning Rate and
 * Beyond", ICLR, arXiv:1908.03265, Algorithm 2. Differences: the threshold is {@code rho_t > 5}
 * (the paper: {@code > 4}), as torch; eps is added to the uncorrected sqrt(v) (torch 1.13's foreach
 * path drops it). Weight decay is coupled L2 unless {@code decoupled_weight_decay} (torch >= 2.1,
 * RAdamW): then {@code p *= 1 - lr*wd} first. A schedule may drive {@code beta1}.
 */
@Extension
public final class Radam implements Optimizer {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("lr", 1e-3).positive().logScale().help("learning rate")
        .real("beta1", 0.9).min(0).below(1).help("decay of the first-moment average")
        .real("beta2", 0.999).min(0).below(1).help("decay of the second-moment average")
        .real("eps", 1e-8).nonNegative().logScale().help("added to the uncorrected sqrt(v)")
        .real("weight_decay", 0.0).nonNegative().help("weight decay: L2 added to the gradient, or p *= 1 - lr*wd if decoupled")
        .bool("decoupled_weight_decay", false).help("decoupled weight decay (RAdamW, torch >= 2.1)")
        .bool("maximize", false).help("maximize the objective instead of minimizing it")
        .build();

    @Override public String id() {
        return "radam";
    }

    @Override public String displayName() {
        return "RAdam";
    }

    @Override public String description() {
        return "Adam with a rectified adaptive learning rate and a momentum-only warm-up (torch.optim.RAdam).";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(PaperReference.arxiv("Liu, Jiang, He, Chen, Liu, Gao, Han", 2020,
            "On the Variance of the Adaptive Learning Rate and Beyond", "1908.03265", "ICLR 2020"));
    }

    @Override public UpdateRule create(Hyperparameters h) {
        return new Rule(h.real("beta1"), h.real("beta2"), h.real("eps"), h.real("weight_decay"),
            h.bool("decoupled_weight_decay"), h.bool("maximize") ? -1 : 1);
    }

    /** Slots: 0 = m, 1 = v. */
    private record Rule(double beta1, double beta2, double eps, double weightDecay, boolean decoupled, double sign)
        implements UpdateRule {

        @Override public int slots() {
            return 2;
        }

        @Override public void step(Buffers b, StepContext ctx) {
            Vec p = b.params();
            Vec g = b.grad();
            Vec m = b.slot(0);
            Vec v = b.slot(1);
            long t = ctx.step();
            double lr = ctx.learningRate();
            double b1 = ctx.scheduled("beta1", beta1);
            double bc1 = 1 - Math.pow(b1, t);
            double b2t = Math.pow(beta2, t);
            double bc2 = 1 - b2t;
            double rhoInf = 2 / (1 - beta2) - 1;
            double rhoT = rhoInf - 2 * t * b2t / bc2;
            boolean rectified = rhoT > 5;
            double rect = rectified
                ? Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT)) : 0;
            double bc2Sqrt = Math.sqrt(bc2);
            double shrink = decoupled ? 1 - lr * weightDecay : 1;
            double l2 = decoupled ? 0 : weightDecay;
            if (rectified && p instanceof Vec.F32 p32) {
                // the un-rectified warm-up (the first few steps) stays on the double loop below
                radamF32(p32.array(), ((Vec.F32) g).array(), ((Vec.F32) m).array(), ((Vec.F32) v).array(), (float) b1,
                    (float) (1 - b1), (float) beta2, (float) (1 - beta2), (float) eps,
                    (float) (lr / bc1 * bc2Sqrt * rect), (float) shrink, (float) l2, (float) sign);
                return;
            }
            for (int i = 0, n = p.length(); i < n; i++) {
                double pi = p.get(i) * shrink;
                double d = sign * g.get(i) + l2 * pi;
                double mi = b1 * m.get(i) + (1 - b1) * d;
                double vi = beta2 * v.get(i) + (1 - beta2) * d * d;
                m.set(i, mi);
                v.set(i, vi);
                double step = mi / bc1 * lr;
                if (rectified) {
                    step = step * (bc2Sqrt / (Math.sqrt(vi) + eps)) * rect;
                }
                p.set(i, pi - step);
            }
        }

        /**
         * The rectified step in float maths over the raw arrays: the double loop is compute-bound on
         * float32 parameters, this plain counted loop is vectorised by C2. {@code stepSize} is
         * {@code lr / (1 - b1^t) * sqrt(1 - b2^t) * r_t}, computed in double.
         */
        private static void radamF32(float[] p, float[] g, float[] m, float[] v, float b1, float c1, float b2,
                                     float c2, float eps, float stepSize, float shrink, float l2, float sign) {
            for (int i = 0; i < p.length; i++) {
                float pi = p[i] * shrink;
                float d = sign * g[i] + l2 * pi;
                float mi = b1 * m[i] + c1 * d;
                float vi = b2 * v[i] + c2 * d * d;
                m[i] = mi;
                v[i] = vi;
                p[i] = pi - stepSize * mi / ((float) Math.sqrt(vi) + eps);
            }
        }
    }
}
