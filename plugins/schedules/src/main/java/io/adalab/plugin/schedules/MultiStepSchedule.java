package io.adalab.plugin.schedules;

import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.LearningRateSchedule;
import io.adalab.api.ScheduleRule;
import io.adalab.api.ScheduleSetup;
import java.util.HashMap;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Decay at given steps, torch's {@code MultiStepLR}:
 * {@code lr(t) = lr0 * gamma^(number of milestones m with m <= t)}.
 *
 * <p>Milestones need not be sorted; one listed twice decays twice (torch counts them). Computed like
 * torch 1.13's chainable form: at a milestone {@code m} listed {@code c} times the previous value is
 * multiplied by {@code gamma^c}.
 */
@Extension
public final class MultiStepSchedule implements LearningRateSchedule {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .integerList("milestones", null).nonNegative().help("steps t at which the lr is multiplied by gamma, e.g. [30, 80]")
        .real("gamma", 0.1).positive().help("factor applied at each milestone")
        .build();

    @Override public String id() {
        return "multistep";
    }

    @Override public String displayName() {
        return "Multi-step decay (MultiStepLR)";
    }

    @Override public String description() {
        return "Multiplies the learning rate by gamma at each milestone step, like torch's MultiStepLR.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public ScheduleRule create(Hyperparameters hyperparameters, ScheduleSetup setup) {
        Map<Long, Integer> counts = new HashMap<>();
        for (long m : hyperparameters.integerList("milestones")) {
            counts.merge(m, 1, Integer::sum);
        }
        double gamma = hyperparameters.real("gamma");
        double lr0 = setup.baseLearningRate();
        return new Recurrence() {
            @Override double initial() {
                return next(0, lr0);
            }

            @Override double next(long t, double previous) {
                Integer c = counts.get(t);
                return c == null ? previous : previous * Math.pow(gamma, c);
            }
        };
    }
}
