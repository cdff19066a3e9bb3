package io.adalab.plugin.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.adalab.api.ScheduleRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Step, multi-step, exponential, polynomial and constant schedules against torch's formulas worked by hand. */
class DecaySchedulesTest {
    private static final double EPS = 1e-15;

    @Test
    void stepMultipliesByGammaEveryStepSizeSteps() {
        ScheduleRule rule = Rules.create(new StepSchedule(), Map.of("step_size", 3, "gamma", 0.5), 1.0, 10);
        assertThat(Rules.lrs(rule, 7)).containsExactly(1, 1, 1, 0.5, 0.5, 0.5, 0.25);
    }

    @Test
    void stepUsesTorchsDefaultGammaOfOneTenth() {
        ScheduleRule rule = Rules.create(new StepSchedule(), Map.of("step_size", 2), 0.5, 10);
        assertThat(rule.learningRate(2)).isCloseTo(0.05, within(EPS));
    }

    @Test
    void multistepDecaysAtEachMilestoneAndTwiceAtOneListedTwice() {
        ScheduleRule rule = Rules.create(new MultiStepSchedule(), Map.of("milestones", List.of(5, 2, 5)), 1.0, 10);
        double[] lr = Rules.lrs(rule, 7);
        assertThat(lr[1]).isEqualTo(1.0);
        assertThat(lr[2]).isCloseTo(0.1, within(EPS));
        assertThat(lr[4]).isCloseTo(0.1, within(EPS));
        assertThat(lr[5]).isCloseTo(0.001, within(EPS));
        assertThat(lr[6]).isEqualTo(lr[5]);
    }

    @Test
    void multistepMilestoneZeroAlreadyAppliesToTheFirstStepAsInTorch() {
        ScheduleRule rule = Rules.create(new MultiStepSchedule(), Map.of("milestones", List.of(0), "gamma", 0.5), 1.0, 10);
        assertThat(rule.learningRate(0)).isEqualTo(0.5);
    }

    @Test
    void exponentialMultipliesByGammaEveryStep() {
        ScheduleRule rule = Rules.create(new ExponentialSchedule(), Map.of("gamma", 0.9), 2.0, 10);
        assertThat(rule.learningRate(0)).isEqualTo(2.0);
        assertThat(rule.learningRate(3)).isCloseTo(2.0 * 0.729, within(EPS));
    }

    @Test
    void polynomialReachesZeroAtTotalItersAndStaysThere() {
        ScheduleRule rule = Rules.create(new PolynomialSchedule(), Map.of("total_iters", 4, "power", 2.0), 1.0, 20);
        double[] lr = Rules.lrs(rule, 12);
        assertThat(lr[0]).isEqualTo(1.0);
        assertThat(lr[1]).isCloseTo(0.5625, within(EPS));
        assertThat(lr[2]).isCloseTo(0.25, within(EPS));
        assertThat(lr[3]).isCloseTo(0.0625, within(EPS));
        assertThat(lr[4]).isZero();
        assertThat(lr[11]).isZero();
    }

    @Test
    void polynomialDefaultsToLinearDecayOverFiveSteps() {
        ScheduleRule rule = Rules.create(new PolynomialSchedule(), Map.of(), 1.0, 20);
        assertThat(Rules.lrs(rule, 6)).containsExactly(new double[] {1.0, 0.8, 0.6, 0.4, 0.2, 0.0}, within(1e-15));
    }

    @Test
    void constantKeepsTheOptimizersLrTimesFactor() {
        assertThat(Rules.lrs(Rules.create(new ConstantSchedule(), Map.of(), 0.3, 5), 3)).containsOnly(0.3);
        assertThat(Rules.lrs(Rules.create(new ConstantSchedule(), Map.of("factor", 0.5), 0.3, 5), 3)).containsOnly(0.15);
    }

    @Test
    void askingForAnEarlierTimeRecomputesTheSameValue() {
        ScheduleRule rule = Rules.create(new ExponentialSchedule(), Map.of("gamma", 0.5), 1.0, 10);
        double late = rule.learningRate(6);
        assertThat(rule.learningRate(2)).isEqualTo(0.25);
        assertThat(rule.learningRate(6)).isEqualTo(late).isEqualTo(1.0 / 64);
    }

    @Test
    void negativeTimeIsRejected() {
        ScheduleRule rule = Rules.create(new StepSchedule(), Map.of("step_size", 3), 1.0, 10);
        assertThatThrownBy(() -> rule.learningRate(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
