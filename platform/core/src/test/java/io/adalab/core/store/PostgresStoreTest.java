package io.adalab.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.adalab.core.Fixtures;
import io.adalab.core.Workbench;
import io.adalab.core.events.RunEvent;
import io.adalab.core.events.RunStatus;
import io.adalab.core.train.RunOutcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store on a real PostgreSQL server (the teams' setup): the same migrations, the same bytes
 * back as from H2, and a whole run's life (train, checkpoint, cancel, resume) through a workbench.
 * Needs Debian's {@code postgresql} package, which {@code .ci/run} installs.
 */
class PostgresStoreTest {
    static LocalPostgres pg;

    @TempDir
    Path dir;

    @BeforeAll static void start() throws Exception {
        Path bin = LocalPostgres.binaries();
        assumeTrue(bin != null, "no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)");
        pg = LocalPostgres.start(bin);
    }

    @AfterAll static void stop() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    /** Writes the same 5,000-step series with spikes through the writer into a store. */
    private static long write(Database db) {
        RunStore store = new RunStore(db);
        long run = store.create(new io.adalab.core.spec.ExperimentPlanner(Fixtures.registry()).plan(
            "name: portable\nproblem: bowl\ntraining: {steps: 5000}\ncompare: [{optimizer: plain_sgd}]", false)).runIds().get(0);
        SplittableRandom rnd = new SplittableRandom(3);
        try (MetricWriter w = new MetricWriter(db)) {
            w.onEvent(new RunEvent.Started(run, List.of("loss"), 5, 5000));
            for (int s = 1; s <= 5000; s++) {
                double v = 1.0 / s + 0.01 * rnd.nextDouble() + (s % 977 == 0 ? 3 : 0);
                w.onEvent(new RunEvent.Step(run, s, 0, s * 1e-3, new double[] {v}));
            }
            w.onEvent(new RunEvent.Checkpoint(run, 4000, new byte[] {1, 2, 3, (byte) 255}));
            w.onEvent(new RunEvent.Status(run, RunStatus.CANCELLED, "stopped", Map.of("steps", 5000.0)));
        }
        return run;
    }

    @Test void postgresHoldsTheSameSeriesAndCheckpointsAsH2() {
        try (Database h2 = Database.openH2(dir); Database postgres = Database.open(pg.url(), null, null)) {
            assertThat(postgres.isPostgres()).isTrue();
            long a = write(h2);
            long b = write(postgres);
            for (int points : new int[] {Integer.MAX_VALUE, 300, 40}) {
                SeriesData x = new SeriesReader(h2).read(a, "loss", Long.MIN_VALUE, Long.MAX_VALUE, points);
                SeriesData y = new SeriesReader(postgres).read(b, "loss", Long.MIN_VALUE, Long.MAX_VALUE, points);
                assertThat(y.steps()).as("%d points", points).containsExactly(x.steps());
                assertThat(y.min()).containsExactly(x.min());
                assertThat(y.max()).containsExactly(x.max());
                assertThat(y.last()).containsExactly(x.last());
            }
            assertThat(new RunStore(postgres).checkpoint(b).orElseThrow().state()).containsExactly(1, 2, 3, (byte) 255);
            assertThat(new RunStore(postgres).run(b).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
        }
    }

    @Test void aRunOnPostgresResumesAsIfItHadNeverStopped() throws Exception {
        String yaml = "name: %s\nproblem: bowl\ntraining: {steps: 200, checkpoint_every: 20}\nseeds: [2]\n"
            + "compare: [{optimizer: noisy_momentum, lr: 0.02, schedule: {type: halve_on_plateau, patience: 2}}]";
        try (Workbench wb = Workbench.open(new Workbench.Settings(dir, List.of(), pg.url(), 1), Fixtures.registry())) {
            Workbench.Launched whole = wb.launch(wb.planner().plan(yaml.formatted("whole"), false));
            RunOutcome expected = whole.outcomes().get(0).join();
            long reference = whole.runIds().get(0);
            Workbench.Launched cut;
            // subscribed before launching: the run is over in milliseconds
            try (AutoCloseable sub = wb.subscribe(e -> {
                if (e instanceof RunEvent.Step s && s.runId() != reference && s.step() == 50) {
                    wb.scheduler().cancel(s.runId());
                }
            })) {
                cut = wb.launch(wb.planner().plan(yaml.formatted("cut"), false));
                assertThat(cut.outcomes().get(0).join().status()).isEqualTo(RunStatus.CANCELLED);
            }
            long run = cut.runIds().get(0);
            wb.writer().flush();
            Workbench.Resumed resumed = wb.resume(run);
            assertThat(resumed.fromStep()).isEqualTo(40);
            RunOutcome o = resumed.outcome().join();
            wb.writer().flush();
            assertThat(o.status()).isEqualTo(RunStatus.FINISHED);
            assertThat(o.finalMetrics().get("final_loss")).isEqualTo(expected.finalMetrics().get("final_loss"));
            for (String name : List.of("loss", "lr", "update_norm", SeriesReader.WALL)) {
                SeriesData x = wb.series().readAll(reference, name);
                SeriesData y = wb.series().readAll(run, name);
                assertThat(y.steps()).as(name).containsExactly(x.steps());
                if (!name.equals(SeriesReader.WALL)) {
                    assertThat(y.last()).as(name).containsExactly(x.last());
                }
            }
            assertThat(wb.store().checkpoint(run)).as("a finished run keeps no checkpoint").isEmpty();
        }
    }
}
