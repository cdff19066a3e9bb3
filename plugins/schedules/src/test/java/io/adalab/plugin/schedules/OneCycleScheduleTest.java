package io.adalab.plugin.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.adalab.api.HyperparameterException;
import io.adalab.api.ScheduleRule;
import io.adalab.api.ScheduleSetup;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OneCycleLR worked by hand: max_lr 1 over 20 steps, so the phases end at t = 5 and t = 19. */
class OneCycleScheduleTest {
    private static final double EPS = 1e-14;

    private static ScheduleRule rule(Map<String, ?> extra, double optimizerLr, long runSteps, Map<String, Double> optimizer) {
        Map<String, Object> values = new HashMap<>(Map.of("max_lr", 1.0));
        values.putAll(extra);
        return Rules.create(new OneCycleSchedule(), values, new ScheduleSetup(optimizerLr, runSteps, 1, optimizer));
    }

    @Test
    void twoPhasesGoFromMaxLrOverDivFactorToMaxLrAndDownToItsTenThousandth() {
        ScheduleRule r = rule(Map.of(), 0.5, 20, Rules.ADAM);
        assertThat(r.learningRate(0)).isCloseTo(0.04, within(EPS));
        assertThat(r.learningRate(5)).isEqualTo(1.0);
        assertThat(r.learningRate(12)).isCloseTo(1.0 - (1.0 - 4e-6) / 2, within(EPS));
        assertThat(r.learningRate(19)).isCloseTo(4e-6, within(EPS));
    }

    @Test
    void beta1RunsFromMaxMomentumDownToBaseMomentumAtThePeakAndBack() {
        ScheduleRule r = rule(Map.of(), 0.5, 20, Rules.ADAM);
        assertThat(r.driven(0)).containsOnlyKeys("beta1");
        assertThat(r.driven(0).get("beta1")).isCloseTo(0.95, within(EPS));
        assertThat(r.driven(5).get("beta1")).isCloseTo(0.85, within(EPS));
        assertThat(r.driven(12).get("beta1")).isCloseTo(0.9, within(EPS));
        assertThat(r.driven(19).get("beta1")).isCloseTo(0.95, within(EPS));
    }

    @Test
    void linearAnnealingInterpolatesStraightLines() {
        ScheduleRule r = rule(Map.of("anneal_strategy", "linear"), 0.5, 20, Rules.ADAM);
        assertThat(r.learningRate(2)).isCloseTo(0.04 + 0.96 * 0.4, within(EPS));
        assertThat(r.learningRate(12)).isCloseTo(0.500002, within(EPS));
    }

    @Test
    void threePhasesReturnToTheInitialLrBeforeTheFinalAnnealing() {
        ScheduleRule r = rule(Map.of("pct_start", 0.25, "three_phase", true, "anneal_strategy", "linear",
            "div_factor", 10.0, "final_div_factor", 100.0), 0.5, 20, Rules.ADAM);
        // phases end at t = 4, 8 and 19
        assertThat(r.learningRate(0)).isCloseTo(0.1, within(EPS));
        assertThat(r.learningRate(4)).isCloseTo(1.0, within(EPS));
        assertThat(r.learningRate(6)).isCloseTo(0.55, within(EPS));
        assertThat(r.learningRate(8)).isCloseTo(0.1, within(EPS));
        assertThat(r.learningRate(19)).isCloseTo(0.001, within(EPS));
        assertThat(r.driven(4).get("beta1")).isCloseTo(0.85, within(EPS));
        assertThat(r.driven(8).get("beta1")).isCloseTo(0.95, within(EPS));
        assertThat(r.driven(14).get("beta1")).isCloseTo(0.95, within(EPS));
    }

    @Test
    void theOptimizersLrIsIgnored() {
        assertThat(Rules.lrs(rule(Map.of(), 0.5, 20, Map.of()), 20))
            .containsExactly(Rules.lrs(rule(Map.of(), 3.0, 20, Map.of()), 20));
    }

    @Test
    void totalStepsDefaultsToTheRunsLength() {
        ScheduleRule r = rule(Map.of(), 0.5, 20, Map.of());
        assertThat(r.learningRate(19)).isEqualTo(rule(Map.of("total_steps", 20), 0.5, 20, Map.of()).learningRate(19));
    }

    @Test
    void aCycleShorterThanTheRunIsRejectedUpFront() {
        assertThatThrownBy(() -> rule(Map.of("total_steps", 10), 0.5, 20, Map.of()))
            .isInstanceOf(HyperparameterException.class).hasMessageContaining("total_steps");
    }

    @Test
    void momentumGoesToSgdsMomentumOrNowhere() {
        assertThat(rule(Map.of(), 0.5, 20, Map.of("lr", 0.1, "momentum", 0.9)).driven(3)).containsOnlyKeys("momentum");
        assertThat(rule(Map.of(), 0.5, 20, Map.of("lr", 0.1)).driven(3)).isEmpty();
        assertThat(rule(Map.of("cycle_momentum", false), 0.5, 20, Rules.ADAM).driven(3)).isEmpty();
    }
}
