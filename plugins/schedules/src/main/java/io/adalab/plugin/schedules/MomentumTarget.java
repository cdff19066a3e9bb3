package io.adalab.plugin.schedules;

import io.adalab.api.ScheduleSetup;
import java.util.Optional;

/**
 * The optimizer hyperparameter a cyclic-momentum schedule drives: {@code beta1} (Adam-type
 * optimizers, where torch cycles {@code betas[0]}) if the optimizer has one, else {@code momentum}
 * (SGD, RMSprop), else none.
 */
final class MomentumTarget {
    static final String BETA1 = "beta1";
    static final String MOMENTUM = "momentum";

    private MomentumTarget() {
    }

    static Optional<String> of(ScheduleSetup setup) {
        if (setup.baseValues().containsKey(BETA1)) {
            return Optional.of(BETA1);
        }
        if (setup.baseValues().containsKey(MOMENTUM)) {
            return Optional.of(MOMENTUM);
        }
        return Optional.empty();
    }
}
