package io.adalab.plugin.schedules;

import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.LearningRateSchedule;
import io.adalab.api.ScheduleRule;
import io.adalab.api.ScheduleSetup;
import org.pf4j.Extension;

/**
 * Polynomial decay to zero, torch's {@code PolynomialLR}:
 * {@code lr(t) = lr0 * (1 - min(t, total_iters) / total_iters)^power}, so the lr is 0 from
 * {@code t = total_iters} on.
 *
 * <p>Computed like torch 1.13's chainable form: for {@code 1 <= t <= total_iters} the previous
 * value is multiplied by {@code ((1 - t/T) / (1 - (t-1)/T))^power}.
 */
@Extension
public final class PolynomialSchedule implements LearningRateSchedule {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .integer("total_iters", 5).min(1).help("steps over which the lr decays to 0")
        .real("power", 1.0).nonNegative().help("exponent of the decay; 1 is linear")
        .build();

    @Override public String id() {
        return "polynomial";
    }

    @Override public String displayName() {
        return "Polynomial decay (PolynomialLR)";
    }

    @Override public String description() {
        return "Decays the learning rate to 0 over total_iters steps as (1 - t/total_iters)^power,"
            + " like torch's PolynomialLR.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public ScheduleRule create(Hyperparameters hyperparameters, ScheduleSetup setup) {
        long total = hyperparameters.integer("total_iters");
        double power = hyperparameters.real("power");
        double lr0 = setup.baseLearningRate();
        return new Recurrence() {
            @Override double initial() {
                return lr0;
            }

            @Override double next(long t, double previous) {
                if (t > total) {
                    return previous;
                }
                double factor = Math.pow((1.0 - (double) t / total) / (1.0 - (double) (t - 1) / total), power);
                return previous * factor;
            }
        };
    }
}
