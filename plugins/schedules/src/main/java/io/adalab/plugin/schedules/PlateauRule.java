package io.adalab.plugin.schedules;

import io.adalab.api.ScheduleRule;

/** The run state of {@link PlateauSchedule}: torch 1.13's {@code ReduceLROnPlateau.step(metrics)}. */
final class PlateauRule implements ScheduleRule {

    /** The configuration, read once from the hyperparameters. */
    record Config(boolean maximize, double factor, long patience, double threshold, boolean relative,
                  long cooldown, double minLr, double eps) {
    }

    private final Config c;
    private double lr;
    private double best;
    private long numBad;
    private long cooldownCounter;

    PlateauRule(Config config, double initialLr) {
        this.c = config;
        this.lr = initialLr;
        this.best = config.maximize() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    @Override public double learningRate(long t) {
        Times.requireNonNegative(t);
        return lr;
    }

    @Override public void observe(long t, double loss) {
        if (isBetter(loss)) {
            best = loss;
            numBad = 0;
        } else {
            numBad++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            numBad = 0; // bad observations during a cooldown are ignored
        }
        if (numBad > c.patience()) {
            double reduced = Math.max(lr * c.factor(), c.minLr());
            if (lr - reduced > c.eps()) {
                lr = reduced;
            }
            cooldownCounter = c.cooldown();
            numBad = 0;
        }
    }

    private boolean isBetter(double a) {
        if (c.maximize()) {
            return c.relative() ? a > best * (c.threshold() + 1.) : a > best + c.threshold();
        }
        return c.relative() ? a < best * (1. - c.threshold()) : a < best - c.threshold();
    }
}
