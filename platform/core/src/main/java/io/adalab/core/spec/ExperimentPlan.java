package io.adalab.core.spec;

import java.util.List;

/**
 * A validated experiment, expanded into runs (compare entries x seeds).
 *
 * @param name        experiment name
 * @param description free text from the spec, may be empty
 * @param source      the spec as the user wrote it
 * @param runs        the runs, in order
 */
public record ExperimentPlan(String name, String description, String source, List<RunSpec> runs) {
    public ExperimentPlan {
        runs = List.copyOf(runs);
    }
}
