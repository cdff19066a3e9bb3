package io.adalab.plugin.schedules;

import io.adalab.api.HyperparameterException;
import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.LearningRateSchedule;
import io.adalab.api.PaperReference;
import io.adalab.api.ScheduleRule;
import io.adalab.api.ScheduleSetup;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * The ramp of the learning-rate range test (Smith 2017, "Cyclical Learning Rates for Training
 * Neural Networks", arXiv 1506.01186, section 3.3): the learning rate grows exponentially from
 * {@code min_lr} to {@code max_lr} over {@code steps} steps,
 * {@code lr(t) = min_lr * (max_lr / min_lr)^(t / (steps - 1))}, and stays at {@code max_lr}
 * afterwards. Smith's paper ramps linearly; the exponential ramp (as in fastai's {@code lr_find})
 * spends equal time per decade, which is what a log-x loss curve needs. It ignores the
 * optimizer's {@code lr}. An experiment's {@code lr_range_test:} block uses it.
 */
@Extension
public final class LrRangeSchedule implements LearningRateSchedule {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("min_lr", 1e-7).positive().logScale().help("learning rate of the first step")
        .real("max_lr", 10.0).positive().logScale().help("learning rate of the last step of the ramp")
        .integer("steps", (Long) null).optional().min(2).help("length of the ramp in steps (default: the whole run)")
        .build();

    @Override public String id() {
        return "lr_range";
    }

    @Override public String displayName() {
        return "LR range test ramp";
    }

    @Override public String description() {
        return "Exponential ramp from min_lr to max_lr, for the learning-rate range test.";
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(PaperReference.arxiv("Smith", 2017, "Cyclical Learning Rates for Training Neural Networks",
            "1506.01186", "WACV 2017"));
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public ScheduleRule create(Hyperparameters h, ScheduleSetup setup) {
        double lo = h.real("min_lr");
        double hi = h.real("max_lr");
        if (hi <= lo) {
            throw new HyperparameterException("max_lr", "'max_lr' (" + hi + ") must be larger than 'min_lr' (" + lo + ")");
        }
        long steps = h.has("steps") ? h.integer("steps") : Math.max(2, setup.totalSteps());
        double logRatio = Math.log(hi / lo);
        return t -> {
            if (t < 0) {
                throw new IllegalArgumentException("t must be >= 0, got " + t);
            }
            return t >= steps - 1 ? hi : lo * Math.exp(logRatio * t / (steps - 1));
        };
    }
}
