package io.adalab.plugin.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.adalab.api.HyperparameterException;
import io.adalab.api.ScheduleRule;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** WSD over a 100-step run: 10 warm-up steps, stable until t = 79, 20 decay steps to 0.1 * lr. */
class WarmupStableDecayScheduleTest {
    private static final double EPS = 1e-14;

    private static ScheduleRule rule(Map<String, ?> extra) {
        Map<String, Object> values = new HashMap<>(Map.of("warmup_steps", 10, "decay_steps", 20, "min_lr_ratio", 0.1));
        values.putAll(extra);
        return Rules.create(new WarmupStableDecaySchedule(), values, 1.0, 100);
    }

    @Test
    void warmsUpLinearlyHoldsTheLrThenDecaysLinearlyToTheMinimumOnTheLastStep() {
        ScheduleRule r = rule(Map.of());
        assertThat(r.learningRate(0)).isCloseTo(0.1, within(EPS));
        assertThat(r.learningRate(4)).isCloseTo(0.5, within(EPS));
        assertThat(r.learningRate(9)).isEqualTo(1.0);
        assertThat(r.learningRate(10)).isEqualTo(1.0);
        assertThat(r.learningRate(79)).isEqualTo(1.0);
        assertThat(r.learningRate(80)).isCloseTo(0.1 + 0.9 * 0.95, within(EPS));
        assertThat(r.learningRate(89)).isCloseTo(0.55, within(EPS));
        assertThat(r.learningRate(99)).isCloseTo(0.1, within(EPS));
        assertThat(r.learningRate(150)).isCloseTo(0.1, within(EPS));
    }

    @Test
    void cosineAndSqrtShapesFollowTheirFormulas() {
        assertThat(rule(Map.of("decay_shape", "cosine")).learningRate(89)).isCloseTo(0.55, within(EPS));
        assertThat(rule(Map.of("decay_shape", "cosine")).learningRate(84)).isCloseTo(0.1 + 0.9 * (1 + Math.cos(Math.PI / 4)) / 2, within(EPS));
        assertThat(rule(Map.of("decay_shape", "sqrt")).learningRate(84)).isCloseTo(0.55, within(EPS));
    }

    @Test
    void decayFractionSetsTheDecayLengthWhenDecayStepsIsZero() {
        ScheduleRule byFraction = Rules.create(new WarmupStableDecaySchedule(),
            Map.of("warmup_steps", 10, "decay_fraction", 0.2, "min_lr_ratio", 0.1), 1.0, 100);
        assertThat(Rules.lrs(byFraction, 100)).containsExactly(Rules.lrs(rule(Map.of()), 100));
    }

    @Test
    void withoutDecayTheLrStaysConstantAfterWarmUp() {
        ScheduleRule r = Rules.create(new WarmupStableDecaySchedule(), Map.of("decay_fraction", 0.0), 0.3, 100);
        assertThat(Rules.lrs(r, 120)).containsOnly(0.3);
    }

    @Test
    void decayStepsOfZeroMeansNoDecayWhateverTheFraction() {
        ScheduleRule r = Rules.create(new WarmupStableDecaySchedule(), Map.of("decay_steps", 0, "decay_fraction", 0.5), 0.3, 100);
        assertThat(r.learningRate(99)).isEqualTo(0.3);
    }

    @Test
    void phasesLongerThanTheRunAreRejected() {
        assertThatThrownBy(() -> rule(Map.of("warmup_steps", 90)))
            .isInstanceOf(HyperparameterException.class).hasMessageContaining("exceed");
    }
}
