package io.adalab.plugin.schedules;

import io.adalab.api.LearningRateSchedule;
import io.adalab.api.ScheduleRule;
import io.adalab.api.ScheduleSetup;
import java.util.Map;

/** Builds rules the way the platform does: resolve the user's values, then create. */
final class Rules {
    /** Adam's configured values, for schedules that drive beta1. */
    static final Map<String, Double> ADAM = Map.of("lr", 1e-3, "beta1", 0.9, "beta2", 0.999, "eps", 1e-8);

    private Rules() {
    }

    static ScheduleRule create(LearningRateSchedule schedule, Map<String, ?> values, double lr, long totalSteps) {
        return create(schedule, values, new ScheduleSetup(lr, totalSteps, 1, Map.of()));
    }

    static ScheduleRule create(LearningRateSchedule schedule, Map<String, ?> values, ScheduleSetup setup) {
        return schedule.create(schedule.schema().resolve(values), setup);
    }

    /** The learning rates for t = 0 .. n-1. */
    static double[] lrs(ScheduleRule rule, int n) {
        double[] out = new double[n];
        for (int t = 0; t < n; t++) {
            out[t] = rule.learningRate(t);
        }
        return out;
    }
}
