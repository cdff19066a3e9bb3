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
 * Cosine annealing, torch's {@code CosineAnnealingLR}:
 * {@code lr(t) = eta_min + (lr0 - eta_min) * (1 + cos(pi * t / t_max)) / 2}
 * (Loshchilov and Hutter 2017, eq. 5, without the restarts).
 *
 * <p>Like torch, and unlike a "clamped" cosine, the lr does not stay at {@code eta_min} after
 * {@code t_max}: it rises again and repeats with period {@code 2 * t_max}. Computed with torch
 * 1.13's recurrence ({@code e = t}):
 * <pre>
 * e = 0:                              lr = lr0
 * (e - 1 - t_max) mod (2 t_max) == 0: lr = lr + (lr0 - eta_min) * (1 - cos(pi / t_max)) / 2
 * otherwise:                          lr = (1 + cos(pi e / t_max)) / (1 + cos(pi (e-1) / t_max)) * (lr - eta_min) + eta_min
 * </pre>
 * which equals the closed form up to about 1e-14 relative. For restarts use {@code cosine_restarts}.
 */
@Extension
public final class CosineSchedule implements LearningRateSchedule {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .integer("t_max", null).min(1).help("steps from lr to eta_min (half period; torch's T_max)")
        .real("eta_min", 0.0).nonNegative().help("lowest learning rate")
        .build();

    @Override public String id() {
        return "cosine";
    }

    @Override public String displayName() {
        return "Cosine annealing (CosineAnnealingLR)";
    }

    @Override public String description() {
        return "Anneals the learning rate from lr to eta_min along a half cosine over t_max steps,"
            + " then back up (period 2 t_max), like torch's CosineAnnealingLR.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public Optional<PaperReference> paper() {
        return Optional.of(Papers.SGDR);
    }

    @Override public ScheduleRule create(Hyperparameters hyperparameters, ScheduleSetup setup) {
        long tMax = hyperparameters.integer("t_max");
        double etaMin = hyperparameters.real("eta_min");
        double lr0 = setup.baseLearningRate();
        return new Recurrence() {
            @Override double initial() {
                return lr0;
            }

            @Override double next(long e, double lr) {
                if (Math.floorMod(e - 1 - tMax, 2 * tMax) == 0) {
                    return lr + (lr0 - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
                }
                return (1 + Math.cos(Math.PI * e / tMax)) / (1 + Math.cos(Math.PI * (e - 1) / tMax))
                    * (lr - etaMin) + etaMin;
            }
        };
    }
}
