package io.adalab.core.train;

import io.adalab.api.ScheduleRule;
import java.util.Map;

/**
 * The learning rate of each step: a constant {@code lr}, or the run's schedule, optionally behind a
 * linear warm-up. Warm-up is sequential: for {@code t < W} the rate climbs linearly to the
 * schedule's first value ({@code (t + 1) / W} of it), then the schedule starts at its own time 0.
 */
final class ScheduleDriver {
    private final ScheduleRule rule;
    private final double baseLr;
    private final long warmup;

    ScheduleDriver(ScheduleRule rule, double baseLr, long warmup) {
        this.rule = rule;
        this.baseLr = baseLr;
        this.warmup = warmup;
    }

    double learningRate(long t) {
        if (t < warmup) {
            return first() * (t + 1) / warmup;
        }
        return rule == null ? baseLr : rule.learningRate(t - warmup);
    }

    private double first() {
        return rule == null ? baseLr : rule.learningRate(0);
    }

    Map<String, Double> driven(long t) {
        return rule == null ? Map.of() : rule.driven(Math.max(0, t - warmup));
    }

    void observe(long t, double loss) {
        if (rule != null && t >= warmup) {
            rule.observe(t - warmup, loss);
        }
    }
}
