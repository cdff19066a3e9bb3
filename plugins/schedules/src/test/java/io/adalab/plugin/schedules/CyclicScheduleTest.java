package io.adalab.plugin.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.adalab.api.ScheduleRule;
import io.adalab.api.ScheduleSetup;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CyclicLR against torch's formulas worked by hand: base 0.1, max 1.1, 4 steps up. */
class CyclicScheduleTest {
    private static final double EPS = 1e-14;

    private static ScheduleRule rule(Map<String, ?> extra, Map<String, Double> optimizer) {
        Map<String, Object> values = new HashMap<>(Map.of("base_lr", 0.1, "max_lr", 1.1, "step_size_up", 4));
        values.putAll(extra);
        return Rules.create(new CyclicSchedule(), values, new ScheduleSetup(0.5, 100, 1, optimizer));
    }

    @Test
    void triangularRisesToMaxLrAndFallsBackToBaseLrOverTwiceStepSizeUp() {
        assertThat(Rules.lrs(rule(Map.of(), Map.of()), 13))
            .containsExactly(new double[] {0.1, 0.35, 0.6, 0.85, 1.1, 0.85, 0.6, 0.35, 0.1, 0.35, 0.6, 0.85, 1.1}, within(EPS));
    }

    @Test
    void triangular2HalvesTheAmplitudeEveryCycle() {
        ScheduleRule r = rule(Map.of("mode", "triangular2"), Map.of());
        assertThat(r.learningRate(4)).isCloseTo(1.1, within(EPS));
        assertThat(r.learningRate(12)).isCloseTo(0.6, within(EPS));
        assertThat(r.learningRate(20)).isCloseTo(0.35, within(EPS));
        assertThat(r.learningRate(16)).isCloseTo(0.1, within(EPS));
    }

    @Test
    void expRangeScalesTheAmplitudeByGammaToThePowerT() {
        ScheduleRule r = rule(Map.of("mode", "exp_range", "gamma", 0.9), Map.of());
        assertThat(r.learningRate(4)).isCloseTo(0.1 + Math.pow(0.9, 4), within(EPS));
        assertThat(r.learningRate(2)).isCloseTo(0.1 + 0.5 * 0.81, within(EPS));
    }

    @Test
    void stepSizeDownDefaultsToStepSizeUp() {
        assertThat(Rules.lrs(rule(Map.of("step_size_down", 4), Map.of()), 20))
            .containsExactly(Rules.lrs(rule(Map.of(), Map.of()), 20));
    }

    @Test
    void stepSizeDownMakesTheCycleAsymmetric() {
        ScheduleRule r = rule(Map.of("step_size_up", 2, "step_size_down", 6), Map.of());
        assertThat(r.learningRate(2)).isCloseTo(1.1, within(EPS));
        assertThat(r.learningRate(5)).isCloseTo(0.6, within(EPS));
        assertThat(r.learningRate(8)).isCloseTo(0.1, within(EPS));
    }

    @Test
    void momentumCyclesInverselyAndDrivesBeta1OfAdam() {
        ScheduleRule r = rule(Map.of(), Rules.ADAM);
        assertThat(r.driven(0)).containsOnlyKeys("beta1");
        assertThat(r.driven(0).get("beta1")).isCloseTo(0.9, within(EPS));
        assertThat(r.driven(2).get("beta1")).isCloseTo(0.85, within(EPS));
        assertThat(r.driven(4).get("beta1")).isCloseTo(0.8, within(EPS));
    }

    @Test
    void momentumDrivesSgdMomentumAndNothingWhenAbsentOrDisabled() {
        assertThat(rule(Map.of(), Map.of("lr", 0.1, "momentum", 0.9)).driven(4)).containsOnlyKeys("momentum");
        assertThat(rule(Map.of(), Map.of("lr", 0.1)).driven(4)).isEmpty();
        assertThat(rule(Map.of("cycle_momentum", false), Rules.ADAM).driven(4)).isEmpty();
    }
}
