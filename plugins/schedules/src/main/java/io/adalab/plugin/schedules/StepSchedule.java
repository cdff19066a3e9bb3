package io.adalab.plugin.schedules;

import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.LearningRateSchedule;
import io.adalab.api.ScheduleRule;
import io.adalab.api.ScheduleSetup;
import org.pf4j.Extension;

/**
 * Step decay, torch's {@code StepLR}: {@code lr(t) = lr0 * gamma^floor(t / step_size)}.
 *
 * <p>Computed like torch 1.13's chainable form, by multiplying the previous value by {@code gamma}
 * whenever {@code t} is a positive multiple of {@code step_size} (repeated multiplication, not
 * {@code pow}; the two differ by about 1e-16 relative).
 */
@Extension
public final class StepSchedule implements LearningRateSchedule {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .integer("step_size", null).min(1).help("steps between two decays")
        .real("gamma", 0.1).positive().help("factor applied to the lr every step_size steps")
        .build();

    @Override public String id() {
        return "step";
    }

    @Override public String displayName() {
        return "Step decay (StepLR)";
    }

    @Override public String description() {
        return "Multiplies the learning rate by gamma every step_size steps, like torch's StepLR.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public ScheduleRule create(Hyperparameters hyperparameters, ScheduleSetup setup) {
        long stepSize = hyperparameters.integer("step_size");
        double gamma = hyperparameters.real("gamma");
        double lr0 = setup.baseLearningRate();
        return new Recurrence() {
            @Override double initial() {
                return lr0;
            }

            @Override double next(long t, double previous) {
                return t % stepSize == 0 ? previous * gamma : previous;
            }
        };
    }
}
