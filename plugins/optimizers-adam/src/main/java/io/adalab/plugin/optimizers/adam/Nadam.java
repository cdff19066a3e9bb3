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
 * NAdam as {@code torch.optim.NAdam} (the documented algorithm: torch 1.13's foreach path and
 * torch >= 2.0): {@code mu_t = b1*(1 - 0.5*0.96^(t*momentum_decay))}, {@code mu_product *= mu_t};
 * m, v as Adam; {@code denom = sqrt(v)/sqrt(1-b2^t) + eps};
 * {@code p -= lr*(1-mu_t)/(1-mu_product) * d/denom}, then
 * {@code p -= lr*mu_{t+1}/(1-mu_product*mu_{t+1}) * m/denom}.
 *
 * <p>Dozat (2016), "Incorporating Nesterov Momentum into Adam", ICLR workshop, Algorithm 2, with the
 * momentum schedule mu_t of Section 3 (after Sutskever et al. 2013). Differences: torch 1.13's default
 * single-tensor path counts mu_t twice in mu_product (pytorch PR #92699); we follow the corrected
 * algorithm. eps is added after bias-correcting sqrt(v). Weight decay is coupled L2 unless
 * {@code decoupled_weight_decay} (torch >= 2.1, NAdamW): then {@code p *= 1 - lr*wd} first.
 * A schedule may drive {@code beta1}. Scalar state: mu_product.
 */
@Extension
public final class Nadam implements Optimizer {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("lr", 2e-3).positive().logScale().help("learning rate")
        .real("beta1", 0.9).min(0).below(1).help("decay of the first-moment average")
        .real("beta2", 0.999).min(0).below(1).help("decay of the second-moment average")
        .real("eps", 1e-8).nonNegative().logScale().help("added to the bias-corrected sqrt(v)")
        .real("weight_decay", 0.0).nonNegative().help("weight decay: L2 added to the gradient, or p *= 1 - lr*wd if decoupled")
        .real("momentum_decay", 4e-3).nonNegative().help("psi of the momentum schedule mu_t = b1(1 - 0.5*0.96^(t psi))")
        .bool("decoupled_weight_decay", false).help("decoupled weight decay (NAdamW, torch >= 2.1)")
        .bool("maximize", false).help("maximize the objective instead of minimizing it")
        .build();

    @Override public String id() {
        return "nadam";
    }

    @Override public String displayName() {
        return "NAdam";
    }

    @Override public String description() {
        return "Adam with Nesterov momentum and a warming momentum schedule (torch.optim.NAdam).";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(new PaperReference("Dozat", 2016, "Incorporating Nesterov Momentum into Adam", "",
            "ICLR 2016 workshop"));
    }

    @Override public UpdateRule create(Hyperparameters h) {
        return new Rule(h.real("beta1"), h.real("beta2"), h.real("eps"), h.real("weight_decay"), h.real("momentum_decay"),
            h.bool("decoupled_weight_decay"), h.bool("maximize") ? -1 : 1);
    }

    /** Slots: 0 = m, 1 = v; scalar 0 = mu_product (starts at 1). */
    private record Rule(double beta1, double beta2, double eps, double weightDecay, double momentumDecay,
                        boolean decoupled, double sign) implements UpdateRule {

        @Override public int slots() {
            return 2;
        }

        @Override public int scalars() {
            return 1;
        }

        @Override public void initialize(Buffers b) {
            b.scalars()[0] = 1;
        }

        @Override public void step(Buffers b, StepContext ctx) {
            Vec p = b.params();
            Vec g = b.grad();
            Vec m = b.slot(0);
            Vec v = b.slot(1);
            long t = ctx.step();
            double lr = ctx.learningRate();
            double b1 = ctx.scheduled("beta1", beta1);
            double mu = b1 * (1 - 0.5 * Math.pow(0.96, t * momentumDecay));
            double muNext = b1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * momentumDecay));
            double muProduct = b.scalars()[0] * mu;
            b.scalars()[0] = muProduct;
            double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
            double gradStep = lr * (1 - mu) / (1 - muProduct);
            double momentumStep = lr * muNext / (1 - muProduct * muNext);
            double shrink = decoupled ? 1 - lr * weightDecay : 1;
            double l2 = decoupled ? 0 : weightDecay;
            if (p instanceof Vec.F32 p32) {
                nadamF32(p32.array(), ((Vec.F32) g).array(), ((Vec.F32) m).array(), ((Vec.F32) v).array(), (float) b1,
                    (float) (1 - b1), (float) beta2, (float) (1 - beta2), (float) (1 / bc2Sqrt), (float) eps,
                    (float) gradStep, (float) momentumStep, (float) shrink, (float) l2, (float) sign);
                return;
            }
            for (int i = 0, n = p.length(); i < n; i++) {
                double pi = p.get(i) * shrink;
                double d = sign * g.get(i) + l2 * pi;
                double mi = b1 * m.get(i) + (1 - b1) * d;
                double vi = beta2 * v.get(i) + (1 - beta2) * d * d;
                m.set(i, mi);
                v.set(i, vi);
                double denom = Math.sqrt(vi) / bc2Sqrt + eps;
                pi = pi - gradStep * d / denom;
                p.set(i, pi - momentumStep * mi / denom);
            }
        }

        /**
         * The same update in float maths over the raw arrays: the double loop is compute-bound on
         * float32 parameters, this plain counted loop is vectorised by C2. Scalars (1 - b1, 1 - b2
         * too) are computed in double and rounded once.
         */
        private static void nadamF32(float[] p, float[] g, float[] m, float[] v, float b1, float c1, float b2,
                                     float c2, float invBc2Sqrt, float eps, float gradStep, float momentumStep,
                                     float shrink, float l2, float sign) {
            for (int i = 0; i < p.length; i++) {
                float pi = p[i] * shrink;
                float d = sign * g[i] + l2 * pi;
                float mi = b1 * m[i] + c1 * d;
                float vi = b2 * v[i] + c2 * d * d;
                m[i] = mi;
                v[i] = vi;
                float denom = (float) Math.sqrt(vi) * invBc2Sqrt + eps;
                p[i] = pi - gradStep * d / denom - momentumStep * mi / denom;
            }
        }
    }
}
