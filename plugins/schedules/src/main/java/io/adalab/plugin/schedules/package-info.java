/**
 * Built-in learning-rate schedules: one PF4J {@link org.pf4j.Extension} per schedule, each an
 * {@link io.adalab.api.LearningRateSchedule} whose {@code create} returns the run's
 * {@link io.adalab.api.ScheduleRule}.
 *
 * <p>Time {@code t} is 0-based and counts optimizer steps: {@code learningRate(t)} is the learning
 * rate of step {@code t + 1}, which is torch's {@code last_epoch == t} when {@code scheduler.step()}
 * is called once after every {@code optimizer.step()}. Where torch 1.13 defines a schedule by a
 * recurrence (its "chainable" form: StepLR, MultiStepLR, ExponentialLR, PolynomialLR,
 * CosineAnnealingLR) the rules follow the recurrence, so they reproduce torch bit for bit; the
 * closed forms in the Javadoc are what the recurrences compute up to rounding. Ids and
 * hyperparameter names are torch's names in lower case, so torch configurations carry over.
 *
 * <p>A linear warm-up in front of a schedule is the platform's job, not the schedules'.
 */
package io.adalab.plugin.schedules;
