package io.adalab.core.store;

import io.adalab.core.events.RunStatus;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stored run as read back.
 *
 * @param id              run id
 * @param experimentId    experiment id
 * @param experiment      experiment name
 * @param index           position in the experiment
 * @param label           configuration label
 * @param optimizer       optimizer id
 * @param optimizerPlugin contributing plugin
 * @param optimizerVersion plugin version
 * @param hyperparameters optimizer hyperparameters
 * @param seed            seed
 * @param status          status
 * @param message         why it ended (failures, divergence) or empty
 * @param queuedAt        when it was planned
 * @param startedAt       when training began, or null
 * @param finishedAt      when it ended, or null
 * @param steps           steps taken, or null
 * @param parameterCount  parameters trained, or null
 * @param series          per-step series names
 * @param finalMetrics    final metrics by name
 * @param spec            the fully resolved spec (provenance)
 */
public record RunRecord(long id, long experimentId, String experiment, int index, String label, String optimizer,
                        String optimizerPlugin, String optimizerVersion, Map<String, Object> hyperparameters, long seed,
                        RunStatus status, String message, OffsetDateTime queuedAt, OffsetDateTime startedAt,
                        OffsetDateTime finishedAt, Long steps, Long parameterCount, List<String> series,
                        Map<String, Object> finalMetrics, Map<String, Object> spec) {

    /** The summary used by {@code runs list --json}: id, experiment, status, optimizer, hyperparameters, seed, final. */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("experiment", experiment);
        m.put("experiment_id", experimentId);
        m.put("label", label);
        m.put("status", status.name());
        m.put("optimizer", optimizer);
        m.put("hyperparameters", hyperparameters);
        m.put("schedule", spec.get("schedule"));
        m.put("seed", seed);
        m.put("steps", steps);
        m.put("message", message == null || message.isEmpty() ? null : message);
        m.put("final", finalMetrics);
        m.put("started_at", startedAt == null ? null : startedAt.toString());
        m.put("finished_at", finishedAt == null ? null : finishedAt.toString());
        return m;
    }

    /** Everything, for {@code runs show --json} and exports. */
    public Map<String, Object> details() {
        Map<String, Object> m = summary();
        m.put("index", index);
        m.put("optimizer_plugin", optimizerPlugin);
        m.put("optimizer_version", optimizerVersion);
        m.put("parameter_count", parameterCount);
        m.put("queued_at", queuedAt == null ? null : queuedAt.toString());
        m.put("series", series);
        m.put("spec", spec);
        return m;
    }
}
