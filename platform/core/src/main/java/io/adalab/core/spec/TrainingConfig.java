package io.adalab.core.spec;

import io.adalab.api.DType;
import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;

/**
 * The {@code training:} block of a spec, validated.
 *
 * @param epochs           passes over the training data (datasets); 0 for analytic problems
 * @param steps            step budget: for problems the number of steps, for datasets an optional cap (0 = none)
 * @param batchSize        examples per minibatch
 * @param dtype            parameter precision
 * @param evaluate         whether to evaluate at the end of every epoch at all (off for pure throughput)
 * @param evalTrain        whether each epoch also evaluates the full training split
 * @param telemetryEvery   record step series every this many steps
 * @param quantileEvery    compute effective-learning-rate quantiles every this many steps
 * @param quantileSample   sampled coordinates per parameter group for those quantiles
 * @param divergenceFactor a loss above this factor times max(1, |initial loss|) ends the run DIVERGED
 * @param stepTimeoutSeconds a plugin call of one step (loss and gradient, or the optimizer's update) still running
 *                         after this many seconds is stopped by the watchdog and the run ends FAILED (timeout)
 * @param checkpointEvery  keep a checkpoint every this many steps (0: by time, see checkpointSeconds)
 * @param checkpointSeconds keep a checkpoint when this many seconds passed since the last one (0: never by time)
 */
public record TrainingConfig(int epochs, long steps, int batchSize, DType dtype, boolean evaluate, boolean evalTrain,
                             int telemetryEvery, int quantileEvery, int quantileSample, double divergenceFactor,
                             double stepTimeoutSeconds, long checkpointEvery, double checkpointSeconds) {

    /** The schema of {@code training:}, reused for validation and documentation. */
    public static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .integer("epochs", (Long) null).optional().min(1).help("passes over the training data (datasets)")
        .integer("steps", (Long) null).optional().min(1).help("optimizer steps: required for problems, an optional cap for datasets")
        .integer("batch_size", 32).min(1).help("examples per minibatch")
        .choice("dtype", null, "float32", "float64").optional().help("parameter precision (default float32 for models, float64 for problems)")
        .bool("evaluate", true).help("evaluate at the end of every epoch (test split; see eval_train)")
        .bool("eval_train", true).help("evaluate the whole training split at the end of every epoch")
        .integer("telemetry_every", 1).min(1).help("record per-step series every N steps")
        .integer("quantile_every", 10).min(1).help("compute effective learning-rate quantiles every N steps")
        .integer("quantile_sample", 256).range(16, 1_000_000).help("coordinates sampled per layer for the quantiles")
        .real("divergence_factor", 1e6).above(1).logScale()
            .help("loss above this factor x max(1, |initial loss|) ends the run as DIVERGED")
        .real("step_timeout_seconds", 60.0).positive().logScale()
            .help("a plugin call within one step that runs longer than this is stopped; the run ends FAILED (timeout)")
        .integer("checkpoint_every", (Long) null).optional().min(1)
            .help("keep a checkpoint every N steps (default: by time, see checkpoint_seconds); a stopped run resumes from it")
        .real("checkpoint_seconds", 60.0).nonNegative()
            .help("keep a checkpoint when this many seconds of training passed since the last one (0: never)")
        .build();

    static TrainingConfig from(Hyperparameters h, boolean problem) {
        String dt = h.has("dtype") ? h.string("dtype") : problem ? "float64" : "float32";
        return new TrainingConfig(
            h.has("epochs") ? h.integerAsInt("epochs") : 0,
            h.has("steps") ? h.integer("steps") : 0,
            h.integerAsInt("batch_size"),
            dt.equals("float64") ? DType.FLOAT64 : DType.FLOAT32,
            h.bool("evaluate"),
            h.bool("eval_train"),
            h.integerAsInt("telemetry_every"),
            h.integerAsInt("quantile_every"),
            h.integerAsInt("quantile_sample"),
            h.real("divergence_factor"),
            h.real("step_timeout_seconds"),
            h.has("checkpoint_every") ? h.integer("checkpoint_every") : 0,
            h.real("checkpoint_seconds"));
    }
}
