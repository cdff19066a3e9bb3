package io.adalab.plugin.schedules;

import io.adalab.api.HyperparameterException;
import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.LearningRateSchedule;
import io.adalab.api.PaperReference;
import io.adalab.api.ScheduleRule;
import io.adalab.api.ScheduleSetup;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * The 1cycle policy (Smith 2018), torch's {@code OneCycleLR}.
 *
 * <p>With {@code T = total_steps}, {@code lr_start = max_lr / div_factor} and
 * {@code lr_end = lr_start / final_div_factor}, the lr goes {@code lr_start -> max_lr} over
 * {@code t in [0, pct_start*T - 1]}, then {@code max_lr -> lr_end} until {@code t = T - 1}. With
 * {@code three_phase}: {@code lr_start -> max_lr -> lr_start} (symmetric, ending at
 * {@code 2*pct_start*T - 2}), then {@code lr_start -> lr_end}. Each phase interpolates with
 * {@code pct = (t - start) / (end - start)}: {@code cos}: {@code to + (from - to)/2 * (cos(pi pct) + 1)};
 * {@code linear}: {@code (to - from) * pct + from}. Phase ends are doubles, as in torch.
 *
 * <p>The optimizer's {@code lr} is ignored (torch overwrites it). With {@code cycle_momentum} the
 * momentum runs the other way, {@code max_momentum -> base_momentum -> max_momentum} (three
 * phases: ... {@code -> max_momentum} held in the last), and is reported by {@code driven(t)} as
 * {@code beta1} if the optimizer has {@code beta1}, else as {@code momentum} if it has
 * {@code momentum}, else not at all (torch raises an error in that case). As in torch,
 * {@code total_steps} must cover the run; left out, it is the run's length.
 */
@Extension
public final class OneCycleSchedule implements LearningRateSchedule {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("max_lr", null).positive().logScale().help("peak learning rate; the optimizer's lr is ignored")
        .integer("total_steps", null).min(1).optional().help("length of the cycle in steps; default: the run's length")
        .real("pct_start", 0.3).range(0, 1).help("fraction of the cycle spent increasing the lr")
        .choice("anneal_strategy", "cos", "cos", "linear").help("interpolation within a phase")
        .bool("cycle_momentum", true).help("cycle beta1 (or momentum) inversely to the lr")
        .real("base_momentum", 0.85).range(0, 1).help("lowest momentum, reached at the lr peak")
        .real("max_momentum", 0.95).range(0, 1).help("highest momentum, at the start and end of the cycle")
        .real("div_factor", 25.0).positive().help("initial lr = max_lr / div_factor")
        .real("final_div_factor", 1e4).positive().help("final lr = initial lr / final_div_factor")
        .bool("three_phase", false).help("add a symmetric decrease back to the initial lr before the final annealing")
        .build();

    @Override public String id() {
        return "one_cycle";
    }

    @Override public String displayName() {
        return "One-cycle (OneCycleLR)";
    }

    @Override public String description() {
        return "Smith's 1cycle policy: lr rises from max_lr/div_factor to max_lr, then anneals far below"
            + " the start, with momentum cycled inversely; like torch's OneCycleLR.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(Papers.ONE_CYCLE);
    }

    @Override public ScheduleRule create(Hyperparameters h, ScheduleSetup setup) {
        long total = h.has("total_steps") ? h.integer("total_steps") : setup.totalSteps();
        if (total < setup.totalSteps()) {
            throw new HyperparameterException("total_steps", "'total_steps' is " + total
                + " but the run takes " + setup.totalSteps() + " steps; the cycle must cover the run");
        }
        double pct = h.real("pct_start");
        if (pct * total == 1) {
            throw new HyperparameterException("pct_start", "pct_start * total_steps is 1: the first phase"
                + " would be empty (torch divides by zero there)");
        }
        double maxLr = h.real("max_lr");
        double initialLr = maxLr / h.real("div_factor");
        double minLr = initialLr / h.real("final_div_factor");
        double lo = h.real("base_momentum");
        double hi = h.real("max_momentum");
        List<OneCyclePhase> phases = h.bool("three_phase")
            ? List.of(new OneCyclePhase(pct * total - 1, initialLr, maxLr, hi, lo),
                new OneCyclePhase(2 * pct * total - 2, maxLr, initialLr, lo, hi),
                new OneCyclePhase(total - 1, initialLr, minLr, hi, hi))
            : List.of(new OneCyclePhase(pct * total - 1, initialLr, maxLr, hi, lo),
                new OneCyclePhase(total - 1, maxLr, minLr, lo, hi));
        String momentum = h.bool("cycle_momentum") ? MomentumTarget.of(setup).orElse(null) : null;
        return new OneCycleRule(phases, h.string("anneal_strategy").equals("cos"), total, momentum);
    }
}
