package io.adalab.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adalab.core.Fixtures;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SweepPlanningTest {
    private final ExperimentPlanner planner = new ExperimentPlanner(Fixtures.registry());

    @Test
    void aGridOfTwoOptimizersTimesThreeLearningRatesPlansSixConfigurationsTimesSeeds() {
        ExperimentPlan p = planner.plan("""
            name: grid
            problem: bowl
            training: {steps: 5}
            seeds: [1, 2]
            compare:
              - {optimizer: plain_sgd}
              - {optimizer: thrower, at: 99}
            sweep:
              method: grid
              parameters:
                lr: [0.01, 0.1, 1.0]
            """, false);
        assertThat(p.runs()).hasSize(12);
        assertThat(p.runs().stream().map(RunSpec::configIndex).distinct().count()).isEqualTo(6);
        assertThat(p.runs().get(0).sweepPoint()).containsEntry("lr", 0.01);
        assertThat(p.runs().get(0).optimizer().hyperparameters().real("lr")).isEqualTo(0.01);
        assertThat(p.runs().get(0).describe()).containsKey("sweep_point");
        Set<Double> lrs = p.runs().stream().map(r -> r.optimizer().hyperparameters().real("lr")).collect(Collectors.toSet());
        assertThat(lrs).containsExactlyInAnyOrder(0.01, 0.1, 1.0);
    }

    @Test
    void randomSamplingRespectsLogUniformBoundsAndTheSeed() {
        String spec = """
            name: rnd
            problem: bowl
            training: {steps: 5}
            compare: [{optimizer: plain_sgd}]
            sweep:
              method: random
              samples: 50
              seed: 7
              parameters:
                lr: {log_uniform: [1.0e-4, 1.0e-1]}
                problem.n: [2, 3]
            """;
        List<Double> a = planner.plan(spec, false).runs().stream().map(r -> r.optimizer().hyperparameters().real("lr")).toList();
        List<Double> b = planner.plan(spec, false).runs().stream().map(r -> r.optimizer().hyperparameters().real("lr")).toList();
        assertThat(a).hasSize(50).isEqualTo(b).allSatisfy(lr -> assertThat(lr).isBetween(1e-4, 1e-1));
        // log-uniform: about half the draws fall below the geometric midpoint sqrt(1e-4 * 1e-1)
        long below = a.stream().filter(lr -> lr < Math.sqrt(1e-5)).count();
        assertThat(below).isBetween(15L, 35L);
        List<Double> other = planner.plan(spec.replace("seed: 7", "seed: 8"), false).runs().stream()
            .map(r -> r.optimizer().hyperparameters().real("lr")).toList();
        assertThat(other).isNotEqualTo(a);
        assertThat(planner.plan(spec, false).runs()).extracting(r -> r.problem().hyperparameters().integer("n")).contains(2L, 3L);
    }

    @Test
    void aParameterNoComparedOptimizerHasIsRefused() {
        assertThatThrownBy(() -> planner.plan("name: x\nproblem: bowl\ntraining: {steps: 5}\ncompare: [{optimizer: plain_sgd}]\n"
            + "sweep: {parameters: {momentum: [0.9]}}", false))
            .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.field()).isEqualTo("sweep.parameters.momentum"))
            .hasMessageContaining("no compared optimizer has a hyperparameter 'momentum'");
    }

    @Test
    void aSweepOverTheBudgetIsRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> planner.plan("name: x\nproblem: bowl\ntraining: {steps: 5}\nseeds: [1, 2]\ncompare: [{optimizer: plain_sgd}]\n"
            + "sweep: {max_runs: 3, parameters: {lr: [0.1, 0.2]}}", false))
            .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.field()).isEqualTo("sweep.max_runs"))
            .hasMessageContaining("expands to 4 runs");
    }

    @Test
    void sweptValuesAreValidatedLikeWrittenOnes() {
        assertThatThrownBy(() -> planner.plan("name: x\nproblem: bowl\ntraining: {steps: 5}\ncompare: [{optimizer: plain_sgd}]\n"
            + "sweep: {parameters: {lr: [0.1, -1]}}", false))
            .hasMessageContaining("'lr' is -1, must be a number > 0").hasMessageContaining("sweep point lr=-1");
        assertThatThrownBy(() -> planner.plan("name: x\nproblem: bowl\ntraining: {steps: 5}\ncompare: [{optimizer: plain_sgd}]\n"
            + "sweep: {method: grid, parameters: {lr: {log_uniform: [0.1, 1]}}}", false))
            .hasMessageContaining("a grid sweep needs a list of values");
    }

    @Test
    void earlyStoppingAndParallelismAreCarriedToThePlan() {
        ExperimentPlan p = planner.plan("name: x\nproblem: bowl\ntraining: {steps: 5}\ncompare: [{optimizer: plain_sgd}]\n"
            + "sweep: {max_parallel: 2, parameters: {lr: [0.1, 0.2]}, early_stopping: {metric: final_loss, reduction_factor: 2}}", false);
        assertThat(p.maxParallel()).isEqualTo(2);
        assertThat(p.early()).isEqualTo(new EarlyStopping("final_loss", true, 1, 2));
    }

    @Test
    void anEntrysOwnSweepVariesThatEntryOnly() {
        ExperimentPlan p = planner.plan("""
            name: local
            problem: bowl
            training: {steps: 5}
            compare:
              - optimizer: plain_sgd
                sweep: {lr: [0.01, 0.1, 1.0]}
              - {optimizer: thrower, at: 99}
            """, false);
        assertThat(p.runs()).hasSize(4);
        assertThat(p.runs().subList(0, 3)).extracting(r -> r.optimizer().hyperparameters().real("lr")).containsExactly(0.01, 0.1, 1.0);
        assertThat(p.runs().get(3).optimizer().id()).isEqualTo("thrower");
        assertThat(p.runs().get(3).optimizer().hyperparameters().real("lr")).isEqualTo(0.1);
    }
}
