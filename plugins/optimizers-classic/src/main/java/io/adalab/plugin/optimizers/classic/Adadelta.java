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
 * Adadelta as {@code torch.optim.Adadelta} 1.13: {@code d = g + wd*p}; {@code v = rho*v + (1-rho)*d^2};
 * {@code delta = sqrt(u + eps) / sqrt(v + eps) * d}; {@code u = rho*u + (1-rho)*delta^2};
 * {@code p -= lr*delta}.
 *
 * <p>Zeiler (2012), "ADADELTA: An Adaptive Learning Rate Method", arXiv:1212.5701, Algorithm 1
 * (eqs. 8, 10, 14). Differences: torch's extra {@code lr} (default 1.0, the paper has none)
 * multiplies the applied step but not the accumulated {@code delta}; eps sits inside both square
 * roots as in the paper (RMS[x] = sqrt(E[x^2] + eps)); coupled L2 weight decay.
 */
@Extension
public final class Adadelta implements Optimizer {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("lr", 1.0).positive().logScale().help("multiplier of the step (1 in the paper)")
        .real("rho", 0.9).range(0, 1).help("decay of the running averages of squared gradients and updates")
        .real("eps", 1e-6).nonNegative().logScale().help("added inside both square roots")
        .real("weight_decay", 0.0).nonNegative().help("coupled L2 penalty added to the gradient")
        .bool("maximize", false).help("maximize the objective instead of minimizing it")
        .build();

    @Override public String id() {
        return "adadelta";
    }

    @Override public String displayName() {
        return "Adadelta";
    }

    @Override public String description() {
        return "Step sizes from the ratio of running RMS of updates and gradients (torch.optim.Adadelta).";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(PaperReference.arxiv("Zeiler", 2012, "ADADELTA: An Adaptive Learning Rate Method",
            "1212.5701", ""));
    }

    @Override public UpdateRule create(Hyperparameters h) {
        return new Rule(h.real("rho"), h.real("eps"), h.real("weight_decay"), h.bool("maximize") ? -1 : 1);
    }

    private record Rule(double rho, double eps, double weightDecay, double sign) implements UpdateRule {

        @Override public int slots() {
            return 2;
        }

        @Override public void step(Buffers b, StepContext ctx) {
            Vec p = b.params();
            Vec g = b.grad();
            Vec v = b.slot(0);
            Vec u = b.slot(1);
            double lr = ctx.learningRate();
            double keep = 1 - rho;
            for (int i = 0, n = p.length(); i < n; i++) {
                double pi = p.get(i);
                double d = sign * g.get(i) + weightDecay * pi;
                double vi = rho * v.get(i) + keep * d * d;
                double ui = u.get(i);
                double delta = Math.sqrt(ui + eps) / Math.sqrt(vi + eps) * d;
                v.set(i, vi);
                u.set(i, rho * ui + keep * delta * delta);
                p.set(i, pi - lr * delta);
            }
        }
    }
}
