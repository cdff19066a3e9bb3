package io.adalab.core.train;

import io.adalab.core.events.RunStatus;
import java.util.Map;

/**
 * How a run ended.
 *
 * @param status       FINISHED, DIVERGED, FAILED or CANCELLED
 * @param message      why it ended that way (empty when FINISHED)
 * @param finalMetrics metrics at the end ({@code train_loss}, {@code test_accuracy}, {@code steps}, {@code steps_per_second}, ...)
 */
public record RunOutcome(RunStatus status, String message, Map<String, Double> finalMetrics) {
    public RunOutcome {
        finalMetrics = Map.copyOf(finalMetrics);
    }
}
