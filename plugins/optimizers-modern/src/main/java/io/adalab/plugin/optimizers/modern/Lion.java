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
 * Lion (EvoLved Sign Momentum): the sign of an interpolation between momentum and gradient, found
 * by program search. Chen, Liang, Huang, Real, Wang, Pham, Dong, Luong, Hsieh, Lu, Le (2023),
 * "Symbolic Discovery of Optimization Algorithms", NeurIPS 2023, arXiv:2302.06675, Algorithm 2:
 * <pre>
 *   c = beta1 m + (1 - beta1) g;   p = p (1 - lr wd) - lr sign(c);   m = beta2 m + (1 - beta2) g
 * </pre>
 * The authors' code is JAX/TF; this follows lucidrains/lion-pytorch, the widely used port that
 * produced the reference trajectories, which matches Algorithm 2: {@code m} is updated with
 * {@code beta2} <em>after</em> the sign is taken; {@code sign(0) = 0} (a coordinate whose gradient
 * stays exactly 0 never moves); decay is multiplied by the (scheduled) lr; no bias correction, no eps.
 * Port-specific option: {@code decoupled_weight_decay} divides {@code wd} by the <em>configured</em>
 * {@code lr}, so the decay per step is {@code lr_t / lr * wd} (independent of the base lr).
 *
 * <p>Slot: {@code m}. {@code beta1} may be driven by a schedule. Use a 3-10x smaller lr and a
 * 3-10x larger weight decay than for AdamW, as the paper advises.
 */
@Extension
public final class Lion implements Optimizer {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("lr", 1e-4).positive().logScale().help("size of every coordinate's step")
        .real("beta1", 0.9).min(0).max(1).help("interpolation between momentum and gradient inside the sign")
        .real("beta2", 0.99).min(0).max(1).help("decay of the momentum m")
        .real("weight_decay", 0.0).nonNegative().help("decoupled decay p *= 1 - lr*wd")
        .bool("decoupled_weight_decay", false).help("divide wd by the configured lr (decay independent of lr)")
        .build();

    @Override public String id() {
        return "lion";
    }

    @Override public String displayName() {
        return "Lion";
    }

    @Override public String description() {
        return "Sign of an interpolated momentum; every coordinate moves by exactly lr (or not at all).";
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(PaperReference.arxiv("Chen, Liang, Huang, Real, Wang, Pham, Dong, Luong, Hsieh, Lu, Le", 2023,
            "Symbolic Discovery of Optimization Algorithms", "2302.06675", "NeurIPS 2023"));
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public UpdateRule create(Hyperparameters h) {
        double wd = h.real("weight_decay");
        return new Rule(h.real("beta1"), h.real("beta2"), h.bool("decoupled_weight_decay") ? wd / h.real("lr") : wd);
    }

    private record Rule(double beta1, double beta2, double weightDecay) implements UpdateRule {
        @Override public int slots() {
            return 1;
        }

        @Override public void step(Buffers b, StepContext ctx) {
            double lr = ctx.learningRate();
            double b1 = ctx.scheduled("beta1", beta1);
            double keep = 1 - lr * weightDecay;
            Vec p = b.params();
            Vec g = b.grad();
            Vec m = b.slot(0);
            if (p instanceof Vec.F32 p32) {
                lionF32(p32.array(), ((Vec.F32) g).array(), ((Vec.F32) m).array(), (float) b1, (float) (1 - b1),
                    (float) beta2, (float) (1 - beta2), (float) lr, (float) keep);
                return;
            }
            for (int i = 0, n = p.length(); i < n; i++) {
                double gi = g.get(i);
                double mi = m.get(i);
                p.set(i, p.get(i) * keep - lr * Math.signum(b1 * mi + (1 - b1) * gi));
                m.set(i, beta2 * mi + (1 - beta2) * gi);
            }
        }

        /**
         * The same update in float maths over the raw arrays: the double loop is compute-bound on
         * float32 parameters, and Math.signum (branches on Java 17) keeps C2 from vectorising it; so
         * does a clamp with Math.min/max, whose branches mispredict on random signs. Here sign(c) is
         * {@code c / max(|c|, MIN_VALUE)}: exactly +-1 for every non-zero finite c (subnormals too),
         * 0 for 0 and NaN for NaN as with signum; only an infinite c gives NaN instead of +-1 (its
         * m is infinite then anyway). The max only differs from |c| at 0, so its branch predicts.
         */
        private static void lionF32(float[] p, float[] g, float[] m, float b1, float c1, float b2, float c2, float lr,
                                    float keep) {
            for (int i = 0; i < p.length; i++) {
                float gi = g[i];
                float mi = m[i];
                float c = b1 * mi + c1 * gi;
                p[i] = p[i] * keep - lr * (c / Math.max(Math.abs(c), Float.MIN_VALUE));
                m[i] = b2 * mi + c2 * gi;
            }
        }
    }
}
