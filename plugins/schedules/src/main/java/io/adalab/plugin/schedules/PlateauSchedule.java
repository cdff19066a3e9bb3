package io.adalab.plugin.schedules;

import io.adalab.api.HyperparameterSchema;
import io.adalab.api.Hyperparameters;
import io.adalab.api.LearningRateSchedule;
import io.adalab.api.ScheduleRule;
import io.adalab.api.ScheduleSetup;
import org.pf4j.Extension;

/**
 * Reduce on plateau, torch's {@code ReduceLROnPlateau}: the lr starts at the optimizer's {@code lr}
 * and is multiplied by {@code factor} (not below {@code min_lr}) when the observed loss has not
 * improved for more than {@code patience} consecutive observations.
 *
 * <p>Each {@code observe(t, loss)} is one torch {@code scheduler.step(loss)}, with the loss computed
 * together with step {@code t + 1}'s gradient (so the loss before that step). Mode {@code min}:
 * better means {@code loss < best * (1 - threshold)} ({@code rel}) or {@code loss < best - threshold}
 * ({@code abs}); {@code max} mirrors it. Then: if better, {@code best = loss, bad = 0}, else
 * {@code bad++}; during a cooldown the counter counts down and {@code bad = 0}; if
 * {@code bad > patience}: {@code lr = max(lr * factor, min_lr)}, applied only when it lowers the lr
 * by more than {@code eps}, then {@code cooldown} starts and {@code bad = 0}. As in torch, a
 * negative {@code best} in {@code rel} mode makes slightly worse losses count as improvements.
 * {@code learningRate(t)} returns the current lr whatever {@code t}.
 */
@Extension
public final class PlateauSchedule implements LearningRateSchedule {
    private static final HyperparameterSchema SCHEMA = HyperparameterSchema.builder()
        .choice("mode", "min", "min", "max").help("whether the observed loss should go down (min) or up (max)")
        .real("factor", 0.1).nonNegative().below(1).help("multiplies the lr at each reduction")
        .integer("patience", 10).nonNegative().help("non-improving observations tolerated before a reduction")
        .real("threshold", 1e-4).nonNegative().logScale().help("minimum change that counts as an improvement")
        .choice("threshold_mode", "rel", "rel", "abs").help("threshold relative to the best value, or absolute")
        .integer("cooldown", 0).nonNegative().help("observations to wait after a reduction before counting again")
        .real("min_lr", 0.0).nonNegative().help("the lr is never reduced below this")
        .real("eps", 1e-8).nonNegative().logScale().help("reductions smaller than this are skipped")
        .build();

    @Override public String id() {
        return "plateau";
    }

    @Override public String displayName() {
        return "Reduce on plateau (ReduceLROnPlateau)";
    }

    @Override public String description() {
        return "Divides the learning rate when the training loss stops improving, like torch's"
            + " ReduceLROnPlateau.";
    }

    @Override public HyperparameterSchema schema() {
        return SCHEMA;
    }

    @Override public ScheduleRule create(Hyperparameters h, ScheduleSetup setup) {
        return new PlateauRule(new PlateauRule.Config(h.string("mode").equals("max"), h.real("factor"),
            h.integer("patience"), h.real("threshold"), h.string("threshold_mode").equals("rel"),
            h.integer("cooldown"), h.real("min_lr"), h.real("eps")), setup.baseLearningRate());
    }
}
