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
 * Averaged SGD as {@code torch.optim.ASGD} 1.13: {@code d = g + wd*p}; {@code p *= 1 - lambd*eta};
 * {@code p -= eta*d}; {@code ax += mu*(p - ax)} (or {@code ax = p} while {@code mu = 1}); then
 * {@code eta = lr / (1 + lambd*lr*t)^alpha} and {@code mu = 1 / max(1, t - t0)}.
 *
 * <p>Polyak and Juditsky (1992), "Acceleration of Stochastic Approximation by Averaging", SIAM J.
 * Control Optim. 30(4); the step-size schedule and decay term follow Bottou (2012), "Stochastic
 * Gradient Descent Tricks", Neural Networks: Tricks of the Trade, Section 5.3 / eq. (10)
 * ({@code lambd} is the L2 strength of that decay, so a zero gradient still shrinks the parameters).
 * Differences: averaging starts after {@code t0} steps (torch's default 1e6 means never, in most
 * runs). The model is evaluated at the average {@code ax} ({@link #create} rule's evaluation point),
 * which equals the iterate until averaging starts.
 */
@Extension
public final class Asgd implements Optimizer {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("lr", 0.01).positive().logScale().help("learning rate")
        .real("lambd", 1e-4).nonNegative().logScale().help("decay term; also slows the step size down")
        .real("alpha", 0.75).nonNegative().help("power of the step-size decay")
        .real("t0", 1e6).nonNegative().help("step at which averaging starts")
        .real("weight_decay", 0.0).nonNegative().help("coupled L2 penalty added to the gradient")
        .bool("maximize", false).help("maximize the objective instead of minimizing it")
        .build();

    @Override public String id() {
        return "asgd";
    }

    @Override public String displayName() {
        return "ASGD";
    }

    @Override public String description() {
        return "SGD with Polyak-Ruppert averaging of the iterates and a decaying step size (torch.optim.ASGD).";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(new PaperReference("Polyak, Juditsky", 1992,
            "Acceleration of Stochastic Approximation by Averaging", "", "SIAM J. Control Optim. 30(4)"));
    }

    @Override public UpdateRule create(Hyperparameters h) {
        return new Rule(h.real("lambd"), h.real("alpha"), h.real("t0"), h.real("weight_decay"), h.bool("maximize") ? -1 : 1);
    }

    /** Slot 0 = the average ax; scalars: 0 = eta, 1 = mu. */
    private record Rule(double lambd, double alpha, double t0, double weightDecay, double sign) implements UpdateRule {

        @Override public int slots() {
            return 1;
        }

        @Override public int scalars() {
            return 2;
        }

        @Override public void initialize(Buffers b) {
            b.slot(0).copyFrom(b.params());
        }

        @Override public void step(Buffers b, StepContext ctx) {
            Vec p = b.params();
            Vec g = b.grad();
            Vec ax = b.slot(0);
            double[] s = b.scalars();
            long t = ctx.step();
            double lr = ctx.learningRate();
            if (t == 1) {
                s[0] = lr;
                s[1] = 1;
            }
            double eta = s[0];
            double mu = s[1];
            double shrink = 1 - lambd * eta;
            for (int i = 0, n = p.length(); i < n; i++) {
                double pi = p.get(i);
                double d = sign * g.get(i) + weightDecay * pi;
                pi = pi * shrink - eta * d;
                p.set(i, pi);
                ax.set(i, mu != 1 ? ax.get(i) + (pi - ax.get(i)) * mu : pi);
            }
            s[0] = lr / Math.pow(1 + lambd * lr * t, alpha);
            s[1] = 1 / Math.max(1, t - t0);
        }

        @Override public void evaluationPoint(Buffers b, Vec out) {
            out.copyFrom(b.slot(0));
        }
    }
}
