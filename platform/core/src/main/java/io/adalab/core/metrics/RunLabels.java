package io.adalab.core.metrics;

import io.adalab.core.spec.RunSpec;
import java.util.Objects;

/**
 * What a run's series are labelled with besides its id.
 *
 * @param experiment experiment name
 * @param optimizer  optimizer id
 */
public record RunLabels(String experiment, String optimizer) {
    public RunLabels {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(optimizer, "optimizer");
    }

    /** The labels of a planned run. */
    public static RunLabels of(RunSpec spec) {
        return new RunLabels(spec.experiment(), spec.optimizer().id());
    }
}
