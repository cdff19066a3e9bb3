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
 * Resilient backpropagation as {@code torch.optim.Rprop} 1.13 (torch's {@code etas} and
 * {@code step_sizes} pairs are {@code eta_minus, eta_plus} and {@code step_size_min,
 * step_size_max} here). Per coordinate, with {@code s = g * prev}: the step size is multiplied by
 * {@code eta_plus} if {@code s > 0}, by {@code eta_minus} if {@code s < 0} (and the gradient is then
 * treated as 0: no move, and no sign memory), clamped to the bounds; {@code p -= sign(g) * step}.
 *
 * <p>Riedmiller and Braun (1993), "A direct adaptive method for faster backpropagation learning:
 * the RPROP algorithm", IEEE ICNN, eqs. (4)-(7). Differences: the variant without weight
 * backtracking (often called Rprop-), as torch; step sizes start at the learning rate of the first
 * step and later learning rates (schedules) do not reach them. Meant for full-batch training.
 */
@Extension
public final class Rprop implements Optimizer {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("lr", 0.01).positive().logScale().help("initial step size of every coordinate")
        .real("eta_minus", 0.5).above(0).below(1).help("step-size factor after a sign change")
        .real("eta_plus", 1.2).above(1).help("step-size factor while the sign is kept")
        .real("step_size_min", 1e-6).nonNegative().logScale().help("smallest step size")
        .real("step_size_max", 50.0).positive().logScale().help("largest step size")
        .bool("maximize", false).help("maximize the objective instead of minimizing it")
        .build();

    @Override public String id() {
        return "rprop";
    }

    @Override public String displayName() {
        return "Rprop";
    }

    @Override public String description() {
        return "Sign-based per-coordinate step sizes that grow while the gradient keeps its sign (torch.optim.Rprop).";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(new PaperReference("Riedmiller, Braun", 1993,
            "A direct adaptive method for faster backpropagation learning: the RPROP algorithm", "", "IEEE ICNN 1993"));
    }

    @Override public UpdateRule create(Hyperparameters h) {
        if (h.real("step_size_min") > h.real("step_size_max")) {
            throw new HyperparameterException("step_size_min", "step_size_min must not exceed step_size_max");
        }
        return new Rule(h.real("eta_minus"), h.real("eta_plus"), h.real("step_size_min"), h.real("step_size_max"),
            h.bool("maximize") ? -1 : 1);
    }

    /** Slots: 0 = previous gradient, 1 = step size. */
    private record Rule(double etaMinus, double etaPlus, double min, double max, double sign) implements UpdateRule {

        @Override public int slots() {
            return 2;
        }

        @Override public void step(Buffers b, StepContext ctx) {
            Vec p = b.params();
            Vec g = b.grad();
            Vec prev = b.slot(0);
            Vec size = b.slot(1);
            if (ctx.step() == 1) {
                size.fill(ctx.learningRate()); // torch: state initialised from the group's lr at the first step
            }
            for (int i = 0, n = p.length(); i < n; i++) {
                double gi = sign * g.get(i);
                double s = gi * prev.get(i);
                double factor = s > 0 ? etaPlus : s < 0 ? etaMinus : s == 0 ? 1 : s; // NaN stays NaN, as in torch
                double step = Math.min(Math.max(size.get(i) * factor, min), max);
                size.set(i, step);
                if (s < 0) {
                    gi = 0;
                }
                prev.set(i, gi);
                p.set(i, p.get(i) - Math.signum(gi) * step);
            }
        }
    }
}
