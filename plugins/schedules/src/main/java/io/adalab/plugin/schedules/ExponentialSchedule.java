package io.adalab.plugin.schedules;

import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.LearningRateSchedule;
import io.adalab.api.ScheduleRule;
import io.adalab.api.ScheduleSetup;
import org.pf4j.Extension;

/**
 * Exponential decay, torch's {@code ExponentialLR}: {@code lr(t) = lr0 * gamma^t}.
 *
 * <p>Computed like torch 1.13's chainable form, by multiplying by {@code gamma} once per step
 * (not by {@code pow}; the two differ by about 1e-15 relative after a few hundred steps).
 */
@Extension
public final class ExponentialSchedule implements LearningRateSchedule {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("gamma", null).positive().help("factor applied to the lr after every step, e.g. 0.99")
        .build();

    @Override public String id() {
        return "exponential";
    }

    @Override public String displayName() {
        return "Exponential decay (ExponentialLR)";
    }

    @Override public String description() {
        return "Multiplies the learning rate by gamma after every step, like torch's ExponentialLR.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public ScheduleRule create(Hyperparameters hyperparameters, ScheduleSetup setup) {
        double gamma = hyperparameters.real("gamma");
        double lr0 = setup.baseLearningRate();
        return new Recurrence() {
            @Override double initial() {
                return lr0;
            }

            @Override double next(long t, double previous) {
                return previous * gamma;
            }
        };
    }
}
