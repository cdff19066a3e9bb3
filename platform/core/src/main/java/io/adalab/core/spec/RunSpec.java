package io.adalab.core.spec;

import io.adalab.api.DatasetProvider;
import io.adalab.api.LearningRateSchedule;
import io.adalab.api.ModelFactory;
import io.adalab.api.Objective;
import io.adalab.api.Optimizer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One fully resolved run: everything needed to train it and to train it again with the same
 * curve. Exactly one of {@code problem} or ({@code dataset}, {@code model}) is set.
 *
 * @param experiment   the experiment name
 * @param index        0-based position in the experiment
 * @param configIndex  which {@code compare} entry it comes from
 * @param label        short description of the configuration (e.g. {@code adam lr=0.001})
 * @param seed         the run's seed
 * @param optimizer    optimizer with hyperparameters
 * @param schedule     schedule or {@code null} for a constant learning rate
 * @param warmupSteps  linear warm-up steps in front of the schedule (0 = none)
 * @param dataset      dataset or null
 * @param model        model or null
 * @param problem      analytic problem or null
 * @param training     training settings
 * @param sweepPoint   the sweep point this run tests (path → value), empty outside sweeps
 */
public record RunSpec(String experiment, int index, int configIndex, String label, long seed,
                      Resolved<Optimizer> optimizer, Resolved<LearningRateSchedule> schedule, long warmupSteps,
                      Resolved<DatasetProvider> dataset, Resolved<ModelFactory> model, Resolved<Objective> problem,
                      TrainingConfig training, Map<String, Object> sweepPoint) {

    public RunSpec {
        sweepPoint = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sweepPoint));
    }

    /** Whether this run trains an analytic problem. */
    public boolean isProblem() {
        return problem != null;
    }

    /** The resolved spec as plain data (JSON-ready): what is stored with the run for provenance. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("experiment", experiment);
        m.put("index", index);
        m.put("config_index", configIndex);
        m.put("label", label);
        m.put("seed", seed);
        m.put("optimizer", optimizer.describe());
        if (schedule != null) {
            m.put("schedule", schedule.describe());
        }
        if (warmupSteps > 0) {
            m.put("warmup_steps", warmupSteps);
        }
        if (problem != null) {
            m.put("problem", problem.describe());
        } else {
            m.put("dataset", dataset.describe());
            m.put("model", model.describe());
        }
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("epochs", training.epochs());
        t.put("steps", training.steps());
        t.put("batch_size", training.batchSize());
        t.put("dtype", training.dtype().name().toLowerCase(java.util.Locale.ROOT));
        t.put("evaluate", training.evaluate());
        t.put("eval_train", training.evalTrain());
        t.put("telemetry_every", training.telemetryEvery());
        t.put("quantile_every", training.quantileEvery());
        t.put("quantile_sample", training.quantileSample());
        t.put("divergence_factor", training.divergenceFactor());
        m.put("training", t);
        if (!sweepPoint.isEmpty()) {
            m.put("sweep_point", sweepPoint);
        }
        return m;
    }
}
