package io.adalab.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.adalab.core.Fixtures;
import io.adalab.core.events.RunEvent;
import io.adalab.core.events.RunStatus;
import io.adalab.core.spec.ExperimentPlan;
import io.adalab.core.spec.ExperimentPlanner;
import io.adalab.core.spec.RunSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    @TempDir
    Path dir;

    private RunSpec spec(String yaml) {
        ExperimentPlan plan = new ExperimentPlanner(Fixtures.registry()).plan(yaml, false);
        return plan.runs().get(0);
    }

    private List<RunEvent> train(RunSpec spec, List<RunEvent> sink) {
        new Trainer(dir).run(spec, 1, sink::add, () -> false);
        return sink;
    }

    private static List<Double> losses(List<RunEvent> events) {
        List<Double> out = new ArrayList<>();
        for (RunEvent e : events) {
            if (e instanceof RunEvent.Step s) {
                out.add(s.values()[Telemetry.LOSS]);
            }
        }
        return out;
    }

    @Test
    void lossFallsOnATinyProblem() {
        RunSpec s = spec("name: t\nproblem: bowl\ntraining: {steps: 50}\ncompare: [{optimizer: plain_sgd, lr: 0.1}]");
        RunOutcome o = new Trainer(dir).run(s, 1, e -> { }, () -> false);
        assertThat(o.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(o.finalMetrics().get("final_loss")).isLessThan(1e-3);
        assertThat(o.finalMetrics().get("steps")).isEqualTo(50.0);
        // plain SGD keeps no state; a float64 problem's parameters take 8 bytes each
        assertThat(o.finalMetrics()).containsEntry("optimizer_state_bytes", 0.0).containsEntry("optimizer_state_per_parameter", 0.0);
    }

    @Test
    void aFixedSeedReproducesTheCurveBitForBit() {
        RunSpec s = spec("name: t\nproblem: bowl\ntraining: {steps: 30}\nseeds: [3]\ncompare: [{optimizer: plain_sgd, lr: 0.05}]");
        List<Double> a = losses(train(s, new ArrayList<>()));
        List<Double> b = losses(train(s, new ArrayList<>()));
        assertThat(a).hasSize(30).isEqualTo(b);
    }

    @Test
    void telemetryReportsUpdateRatioAndEffectiveLearningRate() {
        RunSpec s = spec("name: t\nproblem: bowl\ntraining: {steps: 3}\ncompare: [{optimizer: plain_sgd, lr: 0.1}]");
        List<RunEvent> events = train(s, new ArrayList<>());
        RunEvent.Started started = (RunEvent.Started) events.get(0);
        RunEvent.Step first = (RunEvent.Step) events.get(1);
        int p50 = started.series().indexOf("eff_lr_p50");
        // plain SGD moves every coordinate by lr * g: the effective learning rate is lr exactly
        assertThat(first.values()[p50]).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(first.values()[started.series().indexOf("lr")]).isEqualTo(0.1);
        assertThat(started.series()).contains("update_ratio/x", "eff_lr_p90/x", "grad_norm");
    }

    @Test
    void twoDimensionalProblemsRecordThePointEachStepEvaluated() {
        // bowl n=2: f = x^2/2 + y^2, so plain SGD takes x -> (1 - lr) x and y -> (1 - 2 lr) y
        RunSpec s = spec("name: t\nproblem: {type: bowl, n: 2}\ntraining: {steps: 20}\nseeds: [3]\n"
            + "compare: [{optimizer: plain_sgd, lr: 0.1}]");
        List<RunEvent> events = train(s, new ArrayList<>());
        List<String> series = ((RunEvent.Started) events.get(0)).series();
        int ix = series.indexOf(Trainer.ITERATE_X);
        assertThat(ix).isPositive();
        assertThat(series.indexOf(Trainer.ITERATE_Y)).isEqualTo(ix + 1);
        double x = 1.0;
        double y = 1.0 + 0.01 * 3;
        for (RunEvent e : events) {
            if (e instanceof RunEvent.Step st) {
                assertThat(st.values()[ix]).as("x at step %d", st.step()).isCloseTo(x, org.assertj.core.data.Offset.offset(1e-15));
                assertThat(st.values()[ix + 1]).as("y at step %d", st.step()).isCloseTo(y, org.assertj.core.data.Offset.offset(1e-15));
                x *= 1 - 0.1;
                y *= 1 - 0.2;
            }
        }
        RunSpec five = spec("name: t\nproblem: bowl\ntraining: {steps: 2}\ncompare: [{optimizer: plain_sgd}]");
        assertThat(((RunEvent.Started) train(five, new ArrayList<>()).get(0)).series()).doesNotContain(Trainer.ITERATE_X);
    }

    @Test
    void aRunResumedFromACheckpointTakesExactlyTheStepsOfAnUninterruptedOne() {
        // momentum state in a slot and a scalar, noise from the step's generator, a plateau schedule
        // with state in fields: all of it must come back
        RunSpec s = spec("name: t\nproblem: bowl\ntraining: {steps: 60, checkpoint_every: 20}\nseeds: [4]\n"
            + "compare: [{optimizer: noisy_momentum, lr: 0.05, schedule: {type: halve_on_plateau, patience: 2}}]");
        List<RunEvent> whole = train(s, new ArrayList<>());
        List<RunEvent.Checkpoint> checkpoints = whole.stream().filter(e -> e instanceof RunEvent.Checkpoint)
            .map(e -> (RunEvent.Checkpoint) e).toList();
        assertThat(checkpoints).extracting(RunEvent.Checkpoint::step).containsExactly(20L, 40L);

        // an attempt cancelled at step 33: its latest checkpoint is step 20
        List<RunEvent> first = new ArrayList<>();
        new Trainer(dir).run(s, 1, first::add, () -> first.stream().filter(e -> e instanceof RunEvent.Step).count() >= 33);
        byte[] latest = first.stream().filter(e -> e instanceof RunEvent.Checkpoint).map(e -> (RunEvent.Checkpoint) e)
            .reduce((a, b) -> b).orElseThrow().state();
        List<RunEvent> rest = new ArrayList<>();
        RunOutcome o = new Trainer(dir).resume(s, 1, rest::add, () -> false, latest);
        assertThat(o.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(((RunEvent.Started) rest.get(0)).resumedAfter()).isEqualTo(20);

        List<RunEvent.Step> expected = whole.stream().filter(e -> e instanceof RunEvent.Step st && st.step() > 20)
            .map(e -> (RunEvent.Step) e).toList();
        List<RunEvent.Step> got = rest.stream().filter(e -> e instanceof RunEvent.Step).map(e -> (RunEvent.Step) e).toList();
        assertThat(got).hasSameSizeAs(expected);
        List<String> series = ((RunEvent.Started) whole.get(0)).series();
        for (int i = 0; i < got.size(); i++) {
            assertThat(got.get(i).step()).isEqualTo(expected.get(i).step());
            for (int k = 0; k < series.size(); k++) {
                // boxed: bit-for-bit, and NaN (not computed at that step) equals NaN
                assertThat(Double.valueOf(got.get(i).values()[k])).as("%s at step %d", series.get(k), got.get(i).step())
                    .isEqualTo(Double.valueOf(expected.get(i).values()[k]));
            }
        }
        RunOutcome uninterrupted = new Trainer(dir).run(s, 1, e -> { }, () -> false);
        assertThat(o.finalMetrics().get("final_loss")).isEqualTo(uninterrupted.finalMetrics().get("final_loss"));
        assertThat(o.finalMetrics().get("steps")).isEqualTo(60.0);
    }

    @Test
    void withoutAScheduleACheckpointKeepsNoLossHistoryAndStillResumesExactly() {
        RunSpec s = spec("name: t\nproblem: bowl\ntraining: {steps: 40, checkpoint_every: 25}\nseeds: [5]\n"
            + "compare: [{optimizer: noisy_momentum, lr: 0.05}]");
        List<RunEvent> whole = train(s, new ArrayList<>());
        byte[] at25 = whole.stream().filter(e -> e instanceof RunEvent.Checkpoint).map(e -> (RunEvent.Checkpoint) e)
            .findFirst().orElseThrow().state();
        assertThat(TrainingState.fromBytes(at25).losses()).isEmpty();
        List<RunEvent> rest = new ArrayList<>();
        RunOutcome o = new Trainer(dir).resume(s, 1, rest::add, () -> false, at25);
        assertThat(losses(rest)).isEqualTo(losses(whole).subList(25, 40));
        assertThat(o.finalMetrics().get("final_loss")).isEqualTo(new Trainer(dir).run(s, 1, e -> { }, () -> false)
            .finalMetrics().get("final_loss"));
    }

    @Test
    void aNanObjectiveEndsTheRunDivergedWithTheStep() {
        RunSpec s = spec("name: t\nproblem: {type: nan_after, after: 4}\ntraining: {steps: 20}\ncompare: [{optimizer: plain_sgd}]");
        RunOutcome o = new Trainer(dir).run(s, 1, e -> { }, () -> false);
        assertThat(o.status()).isEqualTo(RunStatus.DIVERGED);
        assertThat(o.message()).contains("step 5").contains("NaN");
    }

    @Test
    void aThrowingOptimizerFailsItsRunWhileAnotherRunFinishes() throws Exception {
        ExperimentPlan plan = new ExperimentPlanner(Fixtures.registry()).plan("""
            name: t
            problem: bowl
            training: {steps: 40}
            compare:
              - {optimizer: thrower, at: 3}
              - {optimizer: plain_sgd}
            """, false);
        List<RunEvent> events = java.util.Collections.synchronizedList(new ArrayList<>());
        try (RunScheduler sched = new RunScheduler(new Trainer(dir), events::add, 2)) {
            CompletableFuture<RunOutcome> bad = sched.submit(1, plan.runs().get(0));
            CompletableFuture<RunOutcome> good = sched.submit(2, plan.runs().get(1));
            assertThat(bad.get().status()).isEqualTo(RunStatus.FAILED);
            assertThat(bad.get().message()).contains("thrower").contains("deliberate failure").contains("step 3");
            assertThat(good.get().status()).isEqualTo(RunStatus.FINISHED);
        }
        assertThat(events).filteredOn(e -> e instanceof RunEvent.Status s && s.status() == RunStatus.FAILED).hasSize(1);
    }

    @Test
    void aCancelledRunStopsAndSaysSo() {
        RunSpec s = spec("name: t\nproblem: bowl\ntraining: {steps: 1000}\ncompare: [{optimizer: plain_sgd}]");
        int[] steps = {0};
        RunOutcome o = new Trainer(dir).run(s, 1, e -> {
            if (e instanceof RunEvent.Step) {
                steps[0]++;
            }
        }, () -> steps[0] >= 10);
        assertThat(o.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(o.finalMetrics().get("steps")).isEqualTo(10.0);
    }

    @Test
    void telemetryEveryNStepsEmitsThoseStepsAndTheLast() {
        RunSpec s = spec("name: t\nproblem: bowl\ntraining: {steps: 22, telemetry_every: 5}\ncompare: [{optimizer: plain_sgd}]");
        List<Long> steps = new ArrayList<>();
        for (RunEvent e : train(s, new ArrayList<>())) {
            if (e instanceof RunEvent.Step st) {
                steps.add(st.step());
            }
        }
        assertThat(steps).containsExactly(5L, 10L, 15L, 20L, 22L);
    }

    @Test
    void warmupRampsTheLearningRateLinearly() {
        ScheduleDriver d = new ScheduleDriver(null, 0.4, 4);
        assertThat(List.of(d.learningRate(0), d.learningRate(1), d.learningRate(3), d.learningRate(4)))
            .containsExactly(0.1, 0.2, 0.4, 0.4);
    }
}
