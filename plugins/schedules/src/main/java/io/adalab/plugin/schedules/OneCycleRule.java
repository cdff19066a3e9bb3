package io.adalab.plugin.schedules;

import io.adalab.api.ScheduleRule;
import java.util.List;
import java.util.Map;

/** The run side of {@link OneCycleSchedule}: a pure function of {@code t}, as in torch. */
final class OneCycleRule implements ScheduleRule {
    private final List<OneCyclePhase> phases;
    private final boolean cos;
    private final long totalSteps;
    private final String momentumKey;

    /** @param momentumKey the driven hyperparameter, or {@code null} for none */
    OneCycleRule(List<OneCyclePhase> phases, boolean cos, long totalSteps, String momentumKey) {
        this.phases = List.copyOf(phases);
        this.cos = cos;
        this.totalSteps = totalSteps;
        this.momentumKey = momentumKey;
    }

    @Override public double learningRate(long t) {
        return at(t, false);
    }

    @Override public Map<String, Double> driven(long t) {
        return momentumKey == null ? Map.of() : Map.of(momentumKey, at(t, true));
    }

    // torch 1.13 OneCycleLR.get_lr, step_num = t.
    private double at(long t, boolean momentum) {
        Times.requireNonNegative(t);
        if (t > totalSteps) {
            throw new IllegalArgumentException("one_cycle asked for t = " + t + " past total_steps = " + totalSteps);
        }
        double start = 0;
        for (int i = 0; i < phases.size(); i++) {
            OneCyclePhase p = phases.get(i);
            if (t <= p.endStep() || i == phases.size() - 1) {
                double pct = (t - start) / (p.endStep() - start);
                return momentum ? anneal(p.startMomentum(), p.endMomentum(), pct) : anneal(p.startLr(), p.endLr(), pct);
            }
            start = p.endStep();
        }
        throw new AssertionError("unreachable: the last phase always matches");
    }

    private double anneal(double from, double to, double pct) {
        if (cos) {
            double cosOut = Math.cos(Math.PI * pct) + 1;
            return to + (from - to) / 2.0 * cosOut;
        }
        return (to - from) * pct + from;
    }
}
