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
 * Warmup-stable-decay (WSD), as introduced for MiniCPM (Hu et al. 2024) and studied as
 * "constant lr with cooldown" by Hägele et al. 2024 (arXiv 2405.18392), whose {@code 1-sqrt}
 * cooldown is the {@code sqrt} shape here. With {@code T} the run's steps, {@code W = warmup_steps},
 * {@code D = decay_steps} (if given, else {@code round(decay_fraction * T)}), {@code S = T - D} and
 * {@code lr_min = min_lr_ratio * lr0}:
 * <pre>
 * t &lt; W:      lr = lr0 * (t + 1) / W                        (step W runs at lr0)
 * W &lt;= t &lt; S: lr = lr0
 * S &lt;= t:     lr = lr_min + (lr0 - lr_min) * f(p),  p = min(1, (t - S + 1) / D)
 *             f = 1 - p (linear), (1 + cos(pi p)) / 2 (cosine), 1 - sqrt(p) (sqrt)
 * </pre>
 * so the last step of the run uses {@code lr_min}. There is no torch equivalent. MiniCPM's own
 * exponential-style decay is not offered; Hägele et al. find linear and 1-sqrt at least as good.
 * The platform's generic warm-up, if also configured, comes on top of {@code warmup_steps}.
 */
@Extension
public final class WarmupStableDecaySchedule implements LearningRateSchedule {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .integer("warmup_steps", 0).nonNegative().help("steps of linear warm-up from lr/warmup_steps to lr")
        .integer("decay_steps", null).nonNegative().optional().help("steps of the final decay; default: decay_fraction of the run")
        .real("decay_fraction", 0.2).range(0, 1).help("fraction of the run spent decaying, unless decay_steps is given")
        .choice("decay_shape", "linear", "linear", "cosine", "sqrt").help("shape of the decay: linear, half cosine or 1-sqrt")
        .real("min_lr_ratio", 0.0).range(0, 1).help("final lr as a fraction of the optimizer's lr")
        .build();

    @Override public String id() {
        return "wsd";
    }

    @Override public String displayName() {
        return "Warmup-stable-decay (WSD)";
    }

    @Override public String description() {
        return "Linear warm-up, a long constant phase at the optimizer's lr, and a short final decay to"
            + " min_lr_ratio * lr (MiniCPM; Hägele et al. 2024).";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(Papers.MINICPM);
    }

    @Override public ScheduleRule create(Hyperparameters h, ScheduleSetup setup) {
        long total = setup.totalSteps();
        long warmup = h.integer("warmup_steps");
        long decay = h.has("decay_steps") ? h.integer("decay_steps") : Math.round(h.real("decay_fraction") * total);
        if (warmup + decay > total) {
            throw new HyperparameterException("warmup_steps", "warmup_steps (" + warmup + ") + decay steps ("
                + decay + ") exceed the run's " + total + " steps");
        }
        long decayStart = total - decay;
        double lr0 = setup.baseLearningRate();
        double lrMin = h.real("min_lr_ratio") * lr0;
        String shape = h.string("decay_shape");
        return t -> {
            Times.requireNonNegative(t);
            if (t < warmup) {
                return lr0 * (t + 1) / warmup;
            }
            if (t < decayStart || decay == 0) {
                return lr0;
            }
            double p = Math.min(1.0, (double) (t - decayStart + 1) / decay);
            double f = switch (shape) {
                case "cosine" -> (1 + Math.cos(Math.PI * p)) / 2;
                case "sqrt" -> 1 - Math.sqrt(p);
                default -> 1 - p;
            };
            return lrMin + (lr0 - lrMin) * f;
        };
    }
}
