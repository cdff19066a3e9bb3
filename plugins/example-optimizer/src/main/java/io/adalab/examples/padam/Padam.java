package io.adalab.examples.padam;

import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.Optimizer;
import io.adalab.api.PaperReference;
import io.adalab.api.UpdateRule;
import io.adalab.api.Vec;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Padam, "Adam with a twist": AMSGrad whose denominator is raised to a partial power {@code p}
 * instead of 1/2. {@code p = 1/2} is AMSGrad; {@code p -> 0} approaches SGD with momentum, which the
 * authors found to generalise better, while keeping adaptive steps early on.
 *
 * <pre>
 *   m    = beta1 * m + (1 - beta1) * g
 *   v    = beta2 * v + (1 - beta2) * g^2
 *   vmax = max(vmax, v)
 *   x   -= lr * m / (vmax^p + eps)
 * </pre>
 *
 * <p>Chen, Zhou, Tang, Yang, Cao, Gu (2020), "Closing the Generalization Gap of Adaptive Gradient
 * Methods in Training Deep Neural Networks", IJCAI 2020, arXiv:1806.06763, Algorithm 1. Differences:
 * {@code eps} (not in the paper) is added after the power, so a zero gradient on the first step does
 * not divide zero by zero; like the paper, no bias correction.
 */
@Extension // PF4J lists this class in META-INF/extensions.idx; Adalab finds it there
public final class Padam implements Optimizer {

    /** The configuration users write in experiment files, with defaults, ranges and help text. */
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("lr", 0.1).positive().logScale().help("learning rate (Padam needs larger ones than Adam)")
        .real("beta1", 0.9).min(0).below(1).help("decay of the gradient average m")
        .real("beta2", 0.999).min(0).below(1).help("decay of the squared-gradient average v")
        .real("partial", 0.125).above(0).max(0.5).help("exponent p of the denominator: 1/2 is AMSGrad, near 0 is SGD")
        .real("eps", 1e-8).nonNegative().logScale().help("added to vmax^p")
        .build();

    @Override public String id() {
        return "padam"; // what experiment files say: `optimizer: padam`
    }

    @Override public String displayName() {
        return "Padam";
    }

    @Override public String description() {
        return "AMSGrad with a partially adaptive denominator vmax^p (example plugin).";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(PaperReference.arxiv("Chen, Zhou, Tang, Yang, Cao, Gu", 2020,
            "Closing the Generalization Gap of Adaptive Gradient Methods in Training Deep Neural Networks",
            "1806.06763", "IJCAI 2020"));
    }

    /** Called once per run. Everything the run changes lives in the buffers' slots, never in fields. */
    @Override public UpdateRule create(Hyperparameters h) {
        double beta1 = h.real("beta1");
        double beta2 = h.real("beta2");
        double p = h.real("partial");
        double eps = h.real("eps");
        return UpdateRule.of(3, (b, ctx) -> {           // 3 state vectors: m, v, vmax (all start at 0)
            Vec x = b.params();
            Vec g = b.grad();
            Vec m = b.slot(0);
            Vec v = b.slot(1);
            Vec vmax = b.slot(2);
            double lr = ctx.learningRate();                // scheduled lr: read it here, not from h
            for (int i = 0, n = x.length(); i < n; i++) {
                double gi = g.get(i);
                double mi = beta1 * m.get(i) + (1 - beta1) * gi;
                double vi = beta2 * v.get(i) + (1 - beta2) * gi * gi;
                double vmaxi = Math.max(vmax.get(i), vi);  // Math.max keeps a NaN: the platform must see it
                m.set(i, mi);
                v.set(i, vi);
                vmax.set(i, vmaxi);
                x.set(i, x.get(i) - lr * mi / (Math.pow(vmaxi, p) + eps));
            }
        });
    }
}
