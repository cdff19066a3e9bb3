package io.adalab.plugin.schedules;

import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.LearningRateSchedule;
import io.adalab.api.ScheduleRule;
import io.adalab.api.ScheduleSetup;
import org.pf4j.Extension;

/**
 * A constant learning rate: {@code lr(t) = factor * lr0}, {@code lr0} the optimizer's {@code lr}.
 *
 * <p>With the default {@code factor = 1} this is the same as having no scheduler in torch. It is
 * not torch's {@code ConstantLR}, which multiplies by {@code factor} only for the first
 * {@code total_iters} steps and then returns to {@code lr0}.
 */
@Extension
public final class ConstantSchedule implements LearningRateSchedule {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("factor", 1.0).positive().help("multiplies the optimizer's lr for the whole run")
        .build();

    @Override public String id() {
        return "constant";
    }

    @Override public String displayName() {
        return "Constant";
    }

    @Override public String description() {
        return "The optimizer's learning rate, times a constant factor, at every step.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public ScheduleRule create(Hyperparameters hyperparameters, ScheduleSetup setup) {
        double lr = hyperparameters.real("factor") * setup.baseLearningRate();
        return t -> {
            Times.requireNonNegative(t);
            return lr;
        };
    }
}
