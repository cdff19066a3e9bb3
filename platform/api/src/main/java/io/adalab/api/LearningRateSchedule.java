package io.adalab.api;

import org.pf4j.ExtensionPoint;

/**
 * A learning-rate schedule (step, cosine, one-cycle, reduce-on-plateau, ...). Like an
 * {@link Optimizer}, the extension is configuration; {@link #create} makes the per-run
 * {@link ScheduleRule}.
 */
public interface LearningRateSchedule extends ExtensionPoint, Component {

    /**
     * Creates the schedule of one run.
     *
     * @param hyperparameters validated against {@link #schema()}
     * @param setup           the base learning rate, the run's length and the optimizer's values of
     *                        other hyperparameters a schedule may drive
     * @throws HyperparameterException for combinations the schema cannot express (naming the field)
     */
    ScheduleRule create(Hyperparameters hyperparameters, ScheduleSetup setup);
}
