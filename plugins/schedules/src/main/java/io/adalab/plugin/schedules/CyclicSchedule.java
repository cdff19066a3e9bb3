package io.adalab.plugin.schedules;

import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.LearningRateSchedule;
import io.adalab.api.PaperReference;
import io.adalab.api.ScheduleRule;
import io.adalab.api.ScheduleSetup;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Cyclical learning rates (Smith 2017), torch's {@code CyclicLR}. With
 * {@code L = step_size_up + step_size_down}, {@code cycle = floor(1 + t/L)},
 * {@code x = 1 + t/L - cycle} and {@code r = step_size_up / L}, the rise/fall fraction is
 * {@code s = x/r} if {@code x <= r}, else {@code (x - 1)/(r - 1)}, and
 * {@code lr(t) = base_lr + (max_lr - base_lr) * s * scale}, with {@code scale = 1}
 * ({@code triangular}), {@code 1 / 2^(cycle - 1)} ({@code triangular2}: the amplitude halves every
 * cycle) or {@code gamma^t} ({@code exp_range}).
 *
 * <p>The optimizer's {@code lr} is ignored (torch overwrites it with {@code base_lr}). With
 * {@code cycle_momentum}, {@code momentum(t) = max_momentum - (max_momentum - base_momentum) * s * scale}
 * is reported by {@code driven(t)} as {@code beta1} if the optimizer has one, else as
 * {@code momentum}, else not at all. Difference: torch 1.13 cycles only {@code momentum} and
 * rejects optimizers without it (Adam); later torch versions cycle {@code beta1} as done here.
 * Custom {@code scale_fn} callables are not supported.
 */
@Extension
public final class CyclicSchedule implements LearningRateSchedule {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .real("base_lr", null).nonNegative().logScale().help("lower end of the cycle; the optimizer's lr is ignored")
        .real("max_lr", null).positive().logScale().help("upper end of the cycle (reached only while scale is 1)")
        .integer("step_size_up", 2000).min(1).help("steps from base_lr up to max_lr")
        .integer("step_size_down", null).min(1).optional().help("steps from max_lr back down; default: step_size_up")
        .choice("mode", "triangular", "triangular", "triangular2", "exp_range")
        .help("amplitude policy: constant, halved every cycle, or times gamma^t")
        .real("gamma", 1.0).positive().help("decay per step of the amplitude in exp_range mode")
        .bool("cycle_momentum", true).help("cycle beta1 (or momentum) inversely to the lr")
        .real("base_momentum", 0.8).range(0, 1).help("momentum at the lr peak")
        .real("max_momentum", 0.9).range(0, 1).help("momentum at base_lr")
        .build();

    @Override public String id() {
        return "cyclic";
    }

    @Override public String displayName() {
        return "Cyclical learning rate (CyclicLR)";
    }

    @Override public String description() {
        return "Smith's cyclical learning rate: triangular cycles between base_lr and max_lr, optionally"
            + " with a shrinking amplitude; like torch's CyclicLR.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(Papers.CLR);
    }

    @Override public ScheduleRule create(Hyperparameters h, ScheduleSetup setup) {
        double up = h.integer("step_size_up");
        double down = h.has("step_size_down") ? h.integer("step_size_down") : up;
        double totalSize = up + down;
        double ratio = up / totalSize;
        double baseLr = h.real("base_lr");
        double maxLr = h.real("max_lr");
        String mode = h.string("mode");
        double gamma = h.real("gamma");
        double baseMomentum = h.real("base_momentum");
        double maxMomentum = h.real("max_momentum");
        String key = h.bool("cycle_momentum") ? MomentumTarget.of(setup).orElse(null) : null;
        return new ScheduleRule() {
            // torch 1.13 CyclicLR.get_lr with last_epoch = t, same order of operations.
            @Override public double learningRate(long t) {
                return baseLr + (maxLr - baseLr) * fraction(t) * scale(t);
            }

            @Override public Map<String, Double> driven(long t) {
                return key == null ? Map.of()
                    : Map.of(key, maxMomentum - (maxMomentum - baseMomentum) * fraction(t) * scale(t));
            }

            private double cycle(long t) {
                return Math.floor(1 + t / totalSize);
            }

            private double fraction(long t) {
                Times.requireNonNegative(t);
                double x = 1. + t / totalSize - cycle(t);
                return x <= ratio ? x / ratio : (x - 1) / (ratio - 1);
            }

            private double scale(long t) {
                return switch (mode) {
                    case "triangular2" -> 1 / Math.pow(2., cycle(t) - 1);
                    case "exp_range" -> Math.pow(gamma, t);
                    default -> 1.;
                };
            }
        };
    }
}
