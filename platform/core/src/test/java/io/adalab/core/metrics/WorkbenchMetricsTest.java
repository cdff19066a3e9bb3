package io.adalab.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.adalab.core.Fixtures;
import io.adalab.core.Workbench;
import io.adalab.core.events.RunEvent;
import io.adalab.core.events.RunStatus;
import io.adalab.core.spec.ExperimentPlan;
import io.adalab.core.train.RunOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbenchMetricsTest {
    @TempDir
    Path dir;

    @Test
    void theGaugesOfATrainedRunEqualWhatTheTrainerEmittedAtItsLastStep() throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        List<RunEvent> seen = new CopyOnWriteArrayList<>();
        try (Workbench w = Workbench.open(new Workbench.Settings(dir, List.of(), null, 1), Fixtures.registry());
             RunMetrics runs = new RunMetrics(new RunMetrics.Config(10, Duration.ofHours(1)),
                 id -> w.store().run(id).map(r -> new RunLabels(r.experiment(), r.optimizer())))) {
            runs.bindTo(registry);
            PlatformMetrics.of(w, runs).bindTo(registry);
            w.subscribe(seen::add);
            w.subscribe(runs);
            ExperimentPlan plan = w.planner().plan("name: bowl-metrics\nproblem: bowl\ntraining: {steps: 40}\n"
                + "compare: [{optimizer: plain_sgd, lr: 0.05}]", false);
            Workbench.Launched launched = w.launch(plan);
            RunOutcome outcome = launched.outcomes().get(0).get();
            assertThat(outcome.status()).isEqualTo(RunStatus.FINISHED);
            runs.awaitHousekeeping();
            w.writer().flush();

            long id = launched.runIds().get(0);
            RunEvent.Started started = (RunEvent.Started) seen.stream().filter(e -> e instanceof RunEvent.Started).findFirst().orElseThrow();
            RunEvent.Step last = (RunEvent.Step) seen.stream().filter(e -> e instanceof RunEvent.Step).reduce((a, b) -> b).orElseThrow();
            String run = Long.toString(id);
            assertThat(registry.find(MeterNames.RUN_LOSS).tags(MeterNames.RUN, run, MeterNames.EXPERIMENT, "bowl-metrics",
                MeterNames.OPTIMIZER, "plain_sgd").gauge().value()).isEqualTo(last.values()[started.series().indexOf("loss")]);
            assertThat(registry.find(MeterNames.RUN_LR).tag(MeterNames.RUN, run).gauge().value())
                .isEqualTo(last.values()[started.series().indexOf("lr")]);
            assertThat(registry.find(MeterNames.RUN_GRAD_NORM).tag(MeterNames.RUN, run).gauge().value())
                .isEqualTo(last.values()[started.series().indexOf("grad_norm")]);
            assertThat(registry.find(MeterNames.STEPS).tag(MeterNames.RUN, run).functionCounter().count()).isEqualTo(40.0);

            HealthSnapshot h = HealthSnapshot.of(registry);
            assertThat(h.values()).containsEntry("adalab.runs.finished", 1.0)
                .containsEntry("adalab.runs.failed", 0.0)
                .containsEntry("adalab.runs.running", 0.0)
                .containsEntry("adalab.run.workers", 1.0)
                .containsEntry("adalab.steps", 40.0)
                .containsEntry("adalab.store.points.written", 40.0)
                .containsEntry("adalab.store.write.lag.steps", 0.0)
                .containsEntry("adalab.plugins.loaded", 0.0)
                .doesNotContainKey(MeterNames.RUN_LOSS);
        }
    }
}
