package io.adalab.plugin.schedules;

import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.LearningRateSchedule;
import io.adalab.api.PaperReference;
import io.adalab.api.ScheduleRule;
import io.adalab.api.ScheduleSetup;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Cosine annealing with warm restarts (SGDR; Loshchilov and Hutter 2017, eq. 5), torch's
 * {@code CosineAnnealingWarmRestarts}:
 * {@code lr(t) = eta_min + (lr0 - eta_min) * (1 + cos(pi * T_cur / T_i)) / 2}, where cycle
 * {@code i} lasts {@code T_i = t_0 * t_mult^i} steps and {@code T_cur} counts the steps since the
 * last restart; at a restart the lr jumps back to {@code lr0}.
 *
 * <p>Same as torch stepped once per step without an explicit epoch. {@code T_cur} and {@code T_i}
 * are found with integer arithmetic, so no state is kept and restarts fall exactly on
 * {@code t = t_0, t_0 + t_0 t_mult, ...}.
 */
@Extension
public final class CosineRestartsSchedule implements LearningRateSchedule {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .integer("t_0", null).min(1).help("length in steps of the first cycle (torch's T_0)")
        .integer("t_mult", 1).min(1).help("each cycle is t_mult times longer than the previous one (torch's T_mult)")
        .real("eta_min", 0.0).nonNegative().help("lowest learning rate")
        .build();

    @Override public String id() {
        return "cosine_restarts";
    }

    @Override public String displayName() {
        return "Cosine with warm restarts (SGDR)";
    }

    @Override public String description() {
        return "Cosine annealing from lr to eta_min that restarts at lr after t_0, t_0*t_mult, ... steps,"
            + " like torch's CosineAnnealingWarmRestarts.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(Papers.SGDR);
    }

    @Override public ScheduleRule create(Hyperparameters hyperparameters, ScheduleSetup setup) {
        long t0 = hyperparameters.integer("t_0");
        long tMult = hyperparameters.integer("t_mult");
        double etaMin = hyperparameters.real("eta_min");
        double lr0 = setup.baseLearningRate();
        return t -> {
            Times.requireNonNegative(t);
            long tCur;
            long tI;
            if (tMult == 1) {
                tCur = t % t0;
                tI = t0;
            } else {
                tCur = t;
                tI = t0;
                while (tCur >= tI) {
                    tCur -= tI;
                    tI *= tMult;
                }
            }
            return etaMin + (lr0 - etaMin) * (1 + Math.cos(Math.PI * tCur / tI)) / 2;
        };
    }
}
