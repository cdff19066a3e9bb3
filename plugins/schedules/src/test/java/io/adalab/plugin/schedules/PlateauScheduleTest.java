package io.adalab.plugin.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import io.adalab.api.ScheduleRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ReduceLROnPlateau's decision logic worked by hand. */
class PlateauScheduleTest {

    /** The lr after each observation. */
    private static List<Double> lrsAfter(ScheduleRule rule, double... losses) {
        List<Double> out = new ArrayList<>();
        for (int t = 0; t < losses.length; t++) {
            rule.observe(t, losses[t]);
            out.add(rule.learningRate(t + 1));
        }
        return out;
    }

    private static ScheduleRule rule(Map<String, ?> values, double lr) {
        return Rules.create(new PlateauSchedule(), values, lr, 100);
    }

    @Test
    void reducesOnThePatiencePlusFirstConsecutiveBadObservation() {
        ScheduleRule r = rule(Map.of("patience", 2, "factor", 0.5), 1.0);
        assertThat(r.learningRate(0)).isEqualTo(1.0);
        assertThat(lrsAfter(r, 1.0, 1.0, 1.0, 1.0, 0.5, 0.5)).containsExactly(1.0, 1.0, 1.0, 0.5, 0.5, 0.5);
    }

    @Test
    void anImprovementResetsTheCountOfBadObservations() {
        ScheduleRule r = rule(Map.of("patience", 1, "factor", 0.5), 1.0);
        assertThat(lrsAfter(r, 3.0, 3.0, 2.0, 2.0, 1.0, 1.0, 1.0)).containsExactly(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.5);
    }

    @Test
    void cooldownIgnoresBadObservationsAfterAReduction() {
        ScheduleRule r = rule(Map.of("patience", 0, "cooldown", 2), 1.0);
        List<Double> lrs = lrsAfter(r, 1.0, 1.0, 1.0, 1.0, 1.0);
        assertThat(lrs.get(0)).isEqualTo(1.0);
        assertThat(lrs.subList(1, 4)).containsOnly(0.1);
        assertThat(lrs.get(4)).isEqualTo(0.1 * 0.1);
    }

    @Test
    void neverGoesBelowMinLrAndSkipsReductionsSmallerThanEps() {
        assertThat(lrsAfter(rule(Map.of("patience", 0, "factor", 0.5, "min_lr", 0.3), 1.0), 1, 1, 1, 1))
            .containsExactly(1.0, 0.5, 0.3, 0.3);
        assertThat(lrsAfter(rule(Map.of("patience", 0, "factor", 0.5), 1.5e-8), 1, 1, 1)).containsOnly(1.5e-8);
    }

    @Test
    void maxModeTreatsRisingValuesAsImprovements() {
        assertThat(lrsAfter(rule(Map.of("mode", "max", "patience", 0), 1.0), 1, 2, 3, 3))
            .containsExactly(1.0, 1.0, 1.0, 0.1);
    }

    @Test
    void absoluteThresholdRequiresAnImprovementOfAtLeastThreshold() {
        assertThat(lrsAfter(rule(Map.of("threshold_mode", "abs", "threshold", 0.5, "patience", 0), 1.0), 1.0, 0.6))
            .containsExactly(1.0, 0.1);
    }

    @Test
    void relativeThresholdWithNegativeBestAcceptsSlightlyWorseValuesAsTorchDoes() {
        assertThat(lrsAfter(rule(Map.of("threshold", 0.1, "patience", 0), 1.0), -1.0, -0.95))
            .containsExactly(1.0, 1.0);
    }

    @Test
    void twoRulesFromOneScheduleDoNotShareState() {
        PlateauSchedule schedule = new PlateauSchedule();
        ScheduleRule first = Rules.create(schedule, Map.of("patience", 0), 1.0, 100);
        ScheduleRule second = Rules.create(schedule, Map.of("patience", 0), 1.0, 100);
        lrsAfter(first, 1, 1, 1);
        assertThat(second.learningRate(3)).isEqualTo(1.0);
    }
}
