package io.adalab.plugin.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.adalab.api.ScheduleRule;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cosine annealing and SGDR against torch's formulas worked by hand. */
class CosineSchedulesTest {
    private static final double EPS = 1e-14;

    @Test
    void cosineFallsToEtaMinAtTMaxAndRisesBackAsTorchDoes() {
        ScheduleRule rule = Rules.create(new CosineSchedule(), Map.of("t_max", 10, "eta_min", 0.1), 1.0, 50);
        double[] lr = Rules.lrs(rule, 46);
        assertThat(lr[0]).isEqualTo(1.0);
        assertThat(lr[5]).isCloseTo(0.55, within(EPS));
        assertThat(lr[10]).isCloseTo(0.1, within(EPS));
        assertThat(lr[15]).isCloseTo(0.55, within(EPS));
        assertThat(lr[20]).isCloseTo(1.0, within(EPS));
        assertThat(lr[30]).isCloseTo(0.1, within(EPS));
        for (int t = 0; t < lr.length; t++) {
            double closedForm = 0.1 + 0.9 * (1 + Math.cos(Math.PI * t / 10)) / 2;
            assertThat(lr[t]).as("t = %d", t).isCloseTo(closedForm, within(EPS));
        }
    }

    @Test
    void cosineRestartsJumpsBackToTheLrAtEachRestartWithGrowingCycles() {
        ScheduleRule rule = Rules.create(new CosineRestartsSchedule(), Map.of("t_0", 4, "t_mult", 2), 1.0, 40);
        // cycles [0, 4), [4, 12), [12, 28)
        assertThat(rule.learningRate(0)).isEqualTo(1.0);
        assertThat(rule.learningRate(2)).isCloseTo(0.5, within(EPS));
        assertThat(rule.learningRate(3)).isCloseTo((1 - Math.sqrt(0.5)) / 2, within(EPS));
        assertThat(rule.learningRate(4)).isEqualTo(1.0);
        assertThat(rule.learningRate(8)).isCloseTo(0.5, within(EPS));
        assertThat(rule.learningRate(11)).isCloseTo((1 + Math.cos(Math.PI * 7 / 8)) / 2, within(EPS));
        assertThat(rule.learningRate(12)).isEqualTo(1.0);
        assertThat(rule.learningRate(20)).isCloseTo(0.5, within(EPS));
        assertThat(rule.learningRate(28)).isEqualTo(1.0);
    }

    @Test
    void cosineRestartsWithEqualCyclesRestartsEveryT0StepsAboveEtaMin() {
        ScheduleRule rule = Rules.create(new CosineRestartsSchedule(), Map.of("t_0", 5, "eta_min", 0.2), 1.2, 40);
        assertThat(rule.learningRate(5)).isEqualTo(1.2);
        assertThat(rule.learningRate(35)).isEqualTo(1.2);
        assertThat(rule.learningRate(7)).isCloseTo(0.2 + (1 + Math.cos(2 * Math.PI / 5)) / 2, within(EPS));
        assertThat(rule.learningRate(9)).isEqualTo(rule.learningRate(4)).isGreaterThan(0.2);
    }
}
