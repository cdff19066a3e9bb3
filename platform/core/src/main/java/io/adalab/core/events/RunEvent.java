package io.adalab.core.events;

import java.util.List;
import java.util.Map;

/** What a run emits while it trains. One producer (the run's thread), many listeners. */
public sealed interface RunEvent {

    /** The run these events belong to. */
    long runId();

    /**
     * The run started; {@code series} names the values of every following {@link Step}, in order.
     *
     * @param runId  the run
     * @param series per-step series names ({@code loss}, {@code lr}, ..., {@code update_ratio/0_W})
     * @param parameterCount number of trained parameters
     * @param totalSteps     steps the run will take if it runs to the end (0 if unknown)
     * @param resumedAfter   -1 for a fresh start; otherwise the run continues after this step (0: from
     *                       the beginning again) and whatever it recorded beyond that step is void
     */
    record Started(long runId, List<String> series, long parameterCount, long totalSteps, long resumedAfter) implements RunEvent {
        public Started {
            series = List.copyOf(series);
        }

        /** A fresh start. */
        public Started(long runId, List<String> series, long parameterCount, long totalSteps) {
            this(runId, series, parameterCount, totalSteps, -1);
        }

        /** A fresh start without a known step count. */
        public Started(long runId, List<String> series, long parameterCount) {
            this(runId, series, parameterCount, 0, -1);
        }

        /** Whether the run continues an earlier attempt. */
        public boolean resumed() {
            return resumedAfter >= 0;
        }
    }

    /**
     * The run's complete training state after {@code step} (parameters, optimizer state, progress),
     * serialized by the trainer; the store keeps the latest one so the run can resume from it.
     */
    record Checkpoint(long runId, long step, byte[] state) implements RunEvent {
    }

    /**
     * One optimizer step's telemetry. {@code values[i]} belongs to {@code Started.series().get(i)};
     * NaN means "not computed at this step" (sampled series).
     */
    record Step(long runId, long step, int epoch, double wallSeconds, double[] values) implements RunEvent {
    }

    /** Metrics at the end of an epoch ({@code train_loss}, {@code test_accuracy}, ...). */
    record Epoch(long runId, int epoch, long step, double wallSeconds, Map<String, Double> metrics) implements RunEvent {
        public Epoch {
            metrics = Map.copyOf(metrics);
        }
    }

    /** The run changed status; terminal statuses carry final metrics and a message. */
    record Status(long runId, RunStatus status, String message, Map<String, Double> finalMetrics) implements RunEvent {
        public Status {
            finalMetrics = Map.copyOf(finalMetrics);
        }
    }
}
