package io.adalab.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.adalab.core.Fixtures;
import io.adalab.core.events.RunEvent;
import io.adalab.core.events.RunStatus;
import io.adalab.core.spec.ExperimentPlan;
import io.adalab.core.spec.ExperimentPlanner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {
    @TempDir
    Path dir;

    private ExperimentPlan plan() {
        return new ExperimentPlanner(Fixtures.registry()).plan(
            "name: stored\nproblem: bowl\ntraining: {steps: 10}\nseeds: [7]\ncompare: [{optimizer: plain_sgd, lr: 0.25}]", false);
    }

    @Test
    void aRunIsWrittenAndReadBackFromTheH2File() {
        long runId;
        try (Database db = Database.openH2(dir)) {
            RunStore store = new RunStore(db);
            runId = store.create(plan()).runIds().get(0);
            try (MetricWriter w = new MetricWriter(db)) {
                w.onEvent(new RunEvent.Status(runId, RunStatus.RUNNING, "", Map.of()));
                w.onEvent(new RunEvent.Started(runId, List.of("loss", "lr"), 5));
                for (int s = 1; s <= 10; s++) {
                    w.onEvent(new RunEvent.Step(runId, s, 0, s * 0.01, new double[] {10.0 / s, 0.25}));
                }
                w.onEvent(new RunEvent.Epoch(runId, 0, 10, 0.1, Map.of("final_loss", 1.0)));
                w.onEvent(new RunEvent.Status(runId, RunStatus.FINISHED, "", Map.of("final_loss", 1.0, "steps", 10.0)));
            }
        }
        assertThat(dir.resolve("adalab.mv.db")).exists();
        try (Database db = Database.openH2(dir)) {
            RunRecord r = new RunStore(db).run(runId).orElseThrow();
            assertThat(r.status()).isEqualTo(RunStatus.FINISHED);
            assertThat(r.experiment()).isEqualTo("stored");
            assertThat(r.optimizer()).isEqualTo("plain_sgd");
            assertThat(r.hyperparameters()).containsEntry("lr", 0.25);
            assertThat(r.seed()).isEqualTo(7);
            assertThat(r.steps()).isEqualTo(10);
            assertThat(r.finalMetrics()).containsEntry("final_loss", 1.0);
            assertThat(r.series()).containsExactly("loss", "lr");
            assertThat(r.spec()).containsKeys("optimizer", "problem", "training", "code_version");
            SeriesData loss = new SeriesReader(db).readAll(runId, "loss");
            assertThat(loss.steps()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
            assertThat(loss.last()[3]).isEqualTo(2.5);
            assertThat(new SeriesReader(db).readAll(runId, SeriesReader.WALL).last()[9]).isEqualTo(0.1);
            assertThat(new RunStore(db).epochMetrics(runId).get(0)).containsEntry("final_loss", 1.0);
        }
    }

    @Test
    void closingTheWriterFlushesEverythingEmitted() {
        try (Database db = Database.openH2(dir)) {
            long runId = new RunStore(db).create(plan()).runIds().get(0);
            MetricWriter w = new MetricWriter(db);
            w.onEvent(new RunEvent.Started(runId, List.of("loss"), 1));
            for (int s = 1; s <= 5000; s++) {
                w.onEvent(new RunEvent.Step(runId, s, 0, s, new double[] {s}));
            }
            w.close(); // no terminal status: the run is still open, yet nothing may be lost
            SeriesData all = new SeriesReader(db).readAll(runId, "loss");
            assertThat(all.size()).isEqualTo(5000);
            assertThat(all.last()[4999]).isEqualTo(5000.0);
        }
    }

    @Test
    void aLongSeriesIsServedDownsampledWithItsSpikesKept() {
        try (Database db = Database.openH2(dir)) {
            long runId = new RunStore(db).create(plan()).runIds().get(0);
            int n = 200_000;
            try (MetricWriter w = new MetricWriter(db)) {
                w.onEvent(new RunEvent.Started(runId, List.of("loss"), 1));
                for (int s = 1; s <= n; s++) {
                    w.onEvent(new RunEvent.Step(runId, s, 0, s, new double[] {s == 123_457 ? 1e6 : 1.0 / s}));
                }
            }
            SeriesReader r = new SeriesReader(db);
            SeriesData d = r.read(runId, "loss", 1, n, 2000);
            assertThat(d.size()).isBetween(1000, 2000);
            assertThat(d.raw()).isFalse();
            assertThat(d.level()).isGreaterThan(0);
            assertThat(java.util.Arrays.stream(d.max()).max().orElseThrow()).isEqualTo(1e6);
            assertThat(d.min()[0]).isLessThanOrEqualTo(1.0);
            assertThat(d.steps()[d.size() - 1]).isEqualTo(n);
            SeriesData zoom = r.read(runId, "loss", 123_000, 124_000, 2000);
            assertThat(zoom.raw()).isTrue();
            assertThat(zoom.size()).isEqualTo(1001);
        }
    }

    @Test
    void runsLeftRunningByACrashBecomeInterrupted() {
        try (Database db = Database.openH2(dir)) {
            RunStore store = new RunStore(db);
            long id = store.create(plan()).runIds().get(0);
            assertThat(store.interruptLeftovers()).isEqualTo(1);
            assertThat(store.run(id).orElseThrow().status()).isEqualTo(RunStatus.INTERRUPTED);
        }
    }
}
