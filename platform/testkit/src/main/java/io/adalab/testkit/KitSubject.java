package io.adalab.testkit;

import io.adalab.api.DType;
import io.adalab.api.HyperparameterType;
import io.adalab.api.Hyperparameters;
import io.adalab.api.Optimizer;
import io.adalab.testkit.internal.KitRun;

/** The optimizer under test with its resolved configuration. */
record KitSubject(Optimizer optimizer, Hyperparameters hyperparameters, KitOptions options) {

    /** The learning rate every kit step uses: {@code lr} if the schema declares a real one, else 1. */
    double lr() {
        var entry = optimizer.schema().get("lr");
        return entry != null && entry.type() == HyperparameterType.REAL && hyperparameters.has("lr")
            ? hyperparameters.real("lr") : 1.0;
    }

    /** A fresh run of a fresh rule. */
    KitRun run(DType dtype, int variant) {
        return KitRun.start(optimizer.create(hyperparameters), dtype, variant, lr(), options.seed());
    }
}
