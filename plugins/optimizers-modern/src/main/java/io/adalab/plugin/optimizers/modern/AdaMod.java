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
 * AdaMod: Adam whose per-coordinate step sizes are capped by their own exponential moving average
 * ("momental bound"), which damps the large early steps. Ding, Ren, Luo, Sun (2019), "An Adaptive
 * and Momental Bound Method for Stochastic Learning", arXiv:1910.12249, Algorithm 1:
 * <pre>
 *   eta = lr_t / (sqrt(v) + eps);   s = beta3 s + (1 - beta3) eta;   p -= min(eta, s) m
 * </pre>
 * Follows the authors' code (lancopku/AdaMod), which produced the reference trajectories: both bias
 * corrections are in the step size {@code lr sqrt(1 - beta2^t) / (1 - beta1^t)} and {@code eps} is on
 * the <em>uncorrected</em> {@code sqrt(v)} (the paper writes bias-corrected moments); {@code s}
 * starts at 0, so the first steps are strongly damped (a built-in warm-up); weight decay is decoupled,
 * {@code p -= lr wd p}, before the step.
 *
 * <p>Slots: {@code m}, {@code v}, {@code s}. {@code beta1} may be driven by a schedule.
 */
@Extension
public final class AdaMod implements Optimizer {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("lr", 1e-3).positive().logScale().help("step size")
        .real("beta1", 0.9).min(0).below(1).help("decay of the first moment")
        .real("beta2", 0.999).min(0).below(1).help("decay of the second moment")
        .real("beta3", 0.999).min(0).below(1).help("decay of the moving average of step sizes (the bound)")
        .real("eps", 1e-8).nonNegative().logScale().help("added to the uncorrected sqrt(v)")
        .real("weight_decay", 0.0).nonNegative().help("decoupled decay p -= lr*wd*p")
        .build();

    @Override public String id() {
        return "adamod";
    }

    @Override public String displayName() {
        return "AdaMod";
    }

    @Override public String description() {
        return "Adam with per-coordinate step sizes bounded by their own moving average.";
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(PaperReference.arxiv("Ding, Ren, Luo, Sun", 2019,
            "An Adaptive and Momental Bound Method for Stochastic Learning", "1910.12249", ""));
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public UpdateRule create(Hyperparameters h) {
        return new Rule(h.real("beta1"), h.real("beta2"), h.real("beta3"), h.real("eps"), h.real("weight_decay"));
    }

    private record Rule(double beta1, double beta2, double beta3, double eps, double weightDecay) implements UpdateRule {
        @Override public int slots() {
            return 3;
        }

        @Override public void step(Buffers b, StepContext ctx) {
            double lr = ctx.learningRate();
            double b1 = ctx.scheduled("beta1", beta1);
            long t = ctx.step();
            double stepSize = lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(b1, t));
            double decay = weightDecay * lr;
            Vec p = b.params();
            Vec g = b.grad();
            Vec m = b.slot(0);
            Vec v = b.slot(1);
            Vec s = b.slot(2);
            for (int i = 0, n = p.length(); i < n; i++) {
                double gi = g.get(i);
                double mi = b1 * m.get(i) + (1 - b1) * gi;
                double vi = beta2 * v.get(i) + (1 - beta2) * gi * gi;
                double eta = stepSize / (Math.sqrt(vi) + eps);
                double si = beta3 * s.get(i) + (1 - beta3) * eta;
                m.set(i, mi);
                v.set(i, vi);
                s.set(i, si);
                double pi = p.get(i);
                if (weightDecay != 0) {
                    pi -= decay * pi;
                }
                p.set(i, pi - Math.min(eta, si) * mi);
            }
        }
    }
}
