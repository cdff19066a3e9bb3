package io.adalab.plugin.schedules;

/**
 * One phase of {@link OneCycleSchedule}: it ends at {@code endStep} (a double, as torch computes
 * it) and interpolates the lr and the momentum between the given values.
 */
record OneCyclePhase(double endStep, double startLr, double endLr, double startMomentum, double endMomentum) {
}
