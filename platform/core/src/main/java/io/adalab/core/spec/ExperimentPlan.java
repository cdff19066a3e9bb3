package io.adalab.core.spec;

import java.util.List;

/**
 * A validated experiment, expanded into runs (compare entries x seeds).
 *
 * @param name        experiment name
 * @param description free text from the spec, may be empty
 * @param source      the spec as the user wrote it
 * @param runs        the runs, in order
 * @param maxParallel at most this many runs of the experiment train at once (null: the pool decides)
 * @param early       early stopping of a sweep, or null
 * @param rangeTest   the learning-rate range test settings when this is one, or null
 */
public record ExperimentPlan(String name, String description, String source, List<RunSpec> runs,
                             Integer maxParallel, EarlyStopping early, LrRangeTest rangeTest) {
    public ExperimentPlan {
        runs = List.copyOf(runs);
    }

    /** A plain comparison: no sweep settings, no range test. */
    public ExperimentPlan(String name, String description, String source, List<RunSpec> runs) {
        this(name, description, source, runs, null, null, null);
    }
}
