package io.adalab.api;

import java.util.Map;

/**
 * What a schedule knows when it is created.
 *
 * @param baseLearningRate the optimizer's {@code lr}
 * @param totalSteps       steps the run will take (for cosine, one-cycle), at least 1
 * @param stepsPerEpoch    optimizer steps per epoch, at least 1
 * @param baseValues       the optimizer's configured real hyperparameters ({@code beta1},
 *                         {@code momentum}, ...), for schedules that drive them
 */
public record ScheduleSetup(double baseLearningRate, long totalSteps, long stepsPerEpoch, Map<String, Double> baseValues) {
    public ScheduleSetup {
        baseValues = Map.copyOf(baseValues);
    }
}
