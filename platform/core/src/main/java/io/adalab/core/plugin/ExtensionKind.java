package io.adalab.core.plugin;

import io.adalab.api.Component;
import io.adalab.api.DatasetProvider;
import io.adalab.api.LearningRateSchedule;
import io.adalab.api.ModelFactory;
import io.adalab.api.Objective;
import io.adalab.api.Optimizer;

/** The five extension points, with the word users see in specs and listings. */
public enum ExtensionKind {
    OPTIMIZER(Optimizer.class, "optimizer"),
    SCHEDULE(LearningRateSchedule.class, "schedule"),
    MODEL(ModelFactory.class, "model"),
    DATASET(DatasetProvider.class, "dataset"),
    PROBLEM(Objective.class, "problem");

    private final Class<? extends Component> type;
    private final String word;

    ExtensionKind(Class<? extends Component> type, String word) {
        this.type = type;
        this.word = word;
    }

    /** The extension point interface. */
    public Class<? extends Component> type() {
        return type;
    }

    /** Lower-case name, e.g. {@code "optimizer"}. */
    public String word() {
        return word;
    }
}
