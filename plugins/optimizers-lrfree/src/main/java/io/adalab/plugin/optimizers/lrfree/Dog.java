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
 * DoG (Distance over Gradients): SGD with step size {@code eta_t = rbar_t / sqrt(G_t)}, the largest
 * distance travelled from the start over the root of the summed squared gradient norms,
 * Ivgi, Hinder &amp; Carmon (2023), "DoG is SGD's Best Friend: A Parameter-Free Dynamic Step
 * Size Schedule", arXiv:2302.12022 (Eq. 1 and Algorithm 1).
 *
 * <p>Follows the authors' {@code src/dog/dog.py} (formll/dog, commit 8d45cf56, class {@code DoG}),
 * one global step size over all parameters ("all layers as one long vector"; the layer-wise
 * LDoG is not offered):
 * <pre>
 * g      = g + weight_decay * p                  (every step, before anything else)
 * step 1: rbar = reps_rel (1 + ||x0||),  G = ||g||^2 + eps
 * later:  rbar = max(rbar, ||p - x0||),  G = G + ||g||^2    (p = current iterate, before the update)
 * eta    = lr * rbar / sqrt(G)
 * p      = p - eta * g
 * </pre>
 *
 * <p>Details of the code kept here: {@code eps} enters {@code G} once, at the first step;
 * {@code rbar} uses the distance of the current iterate before the update (the paper's
 * {@code max_{i <= t} ||x_i - x_0||}); the learning rate {@code lr} is the paper's {@code c}
 * (default 1, not recommended to change). {@code init_eta}, when positive, replaces the first step
 * size and, as in the code, sets {@code reps_rel} to 0 (so {@code rbar} starts at 0);
 * {@code init_eta = 0} (the default) means "not set", the code's {@code None}. The authors
 * recommend evaluating at a polynomial-decay average of the iterates; that averager is not part of
 * the optimizer and not included.
 */
@Extension
public final class Dog implements Optimizer {
    static final int X0 = 0;
    static final int RBAR = 0;
    static final int G = 1;
    static final int STEPS = 2;

    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("lr", 1.0).positive().logScale().help("the paper's c, a multiplier of the step size; the authors advise keeping 1")
        .real("reps_rel", 1e-6).positive().logScale().help("initial distance relative to 1 + ||x0||; 1e-6, or 1e-4 with batch normalisation")
        .real("weight_decay", 0.0).nonNegative().help("L2 penalty added to the gradient")
        .real("eps", 1e-8).nonNegative().logScale().help("added once to the sum of squared gradient norms")
        .real("init_eta", 0.0).nonNegative().help("first step size, replacing the one from reps_rel; 0 = not set")
        .build();

    @Override public String id() {
        return "dog";
    }

    @Override public String displayName() {
        return "DoG";
    }

    @Override public String description() {
        return "SGD whose step size is the largest distance from the start divided by the root of the summed squared gradient norms.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(Papers.DOG);
    }

    @Override public UpdateRule create(Hyperparameters h) {
        double initEta = h.real("init_eta");
        return new Rule(initEta > 0 ? 0 : h.real("reps_rel"), h.real("weight_decay"), h.real("eps"), initEta);
    }

    private record Rule(double repsRel, double weightDecay, double eps, double initEta) implements UpdateRule {
        @Override public int slots() {
            return 1;
        }

        @Override public int scalars() {
            return 3;
        }

        @Override public void initialize(Buffers b) {
            b.slot(X0).copyFrom(b.params());
        }

        @Override public void step(Buffers b, StepContext ctx) {
            Vec p = b.params();
            Vec g = b.grad();
            Vec x0 = b.slot(X0);
            double[] sc = b.scalars();
            int n = p.length();
            boolean first = sc[STEPS] == 0;
            double gsq = 0;
            double dsq = 0;
            for (int i = 0; i < n; i++) {
                double pi = p.get(i);
                double gi = g.get(i) + weightDecay * pi;
                gsq += gi * gi;
                double di = first ? pi : pi - x0.get(i);
                dsq += di * di;
            }
            double eta;
            if (first) {
                sc[RBAR] = repsRel * (1 + Math.sqrt(dsq));
                sc[G] = gsq + eps;
                eta = initEta > 0 ? initEta : ctx.learningRate() * sc[RBAR] / Math.sqrt(sc[G]);
            } else {
                sc[RBAR] = Math.max(sc[RBAR], Math.sqrt(dsq));
                sc[G] += gsq;
                eta = ctx.learningRate() * sc[RBAR] / Math.sqrt(sc[G]);
            }
            if (sc[G] <= 0) {
                // The code asserts G > 0; a NaN gradient passes on as NaN parameters instead.
                throw new IllegalStateException("DoG needs a positive sum of squared gradient norms, got " + sc[G]
                    + " (all gradients zero and eps = 0?)");
            }
            for (int i = 0; i < n; i++) {
                double pi = p.get(i);
                p.set(i, pi - eta * (g.get(i) + weightDecay * pi));
            }
            sc[STEPS] += 1;
        }
    }
}
