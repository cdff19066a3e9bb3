package io.adalab.plugin.schedules;

import io.adalab.api.ScheduleRule;

/**
 * A rule defined the way torch's chainable schedulers are: a value at {@code t = 0} and a step from
 * the value at {@code t - 1} to the value at {@code t}. Following the recurrence rather than its
 * closed form reproduces torch's rounding exactly.
 *
 * <p>Asked with increasing {@code t} (the platform's contract) it advances in O(1) per step; asked
 * for an earlier {@code t} it starts again from 0, so any order of calls gives the same values.
 */
abstract class Recurrence implements ScheduleRule {
    private long at = -1;
    private double value;

    /** The learning rate at {@code t = 0}. */
    abstract double initial();

    /** The learning rate at {@code t >= 1}, given the one at {@code t - 1}. */
    abstract double next(long t, double previous);

    @Override public final double learningRate(long t) {
        Times.requireNonNegative(t);
        if (t < at) {
            at = -1;
        }
        while (at < t) {
            at++;
            value = at == 0 ? initial() : next(at, value);
        }
        return value;
    }
}
