package io.adalab.core.plugin;

import static io.adalab.core.plugin.TestPlugins.jar;
import static io.adalab.core.plugin.TestPlugins.mk;
import static io.adalab.core.plugin.TestPlugins.optimizer;
import static org.assertj.core.api.Assertions.assertThat;

import io.adalab.core.Fixtures;
import io.adalab.core.Workbench;
import io.adalab.core.events.RunStatus;
import io.adalab.core.train.RunOutcome;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deliberately bad plugins, built as real jars, end only their own runs. */
class PluginIsolationTest {
    @TempDir
    Path dir;

    private Workbench open(Path plugins, int workers) {
        return Workbench.open(new Workbench.Settings(dir.resolve("data"), List.of(plugins), null, workers), Fixtures.registry());
    }

    private static List<RunOutcome> run(Workbench w, String yaml) throws Exception {
        Workbench.Launched l = w.launch(w.planner().plan(yaml, false));
        List<RunOutcome> out = new java.util.ArrayList<>();
        for (var f : l.outcomes()) {
            out.add(f.get(120, TimeUnit.SECONDS));
        }
        return out;
    }

    @Test
    void aThrowingPluginFailsItsRunWithThePluginIdAndAShortStackSummary() throws Exception {
        Path plugins = mk(dir.resolve("plugins"));
        jar(plugins, "throwing-plugin", "1.0.0", "th", optimizer("th", "throwing",
            "if (ctx.step() == 2) { throw new IllegalArgumentException(\"bad idea\"); }"));
        try (Workbench w = open(plugins, 2)) {
            List<RunOutcome> o = run(w, "name: t\nproblem: bowl\ntraining: {steps: 10}\n"
                + "compare: [{optimizer: throwing}, {optimizer: plain_sgd}]");
            assertThat(o.get(0).status()).isEqualTo(RunStatus.FAILED);
            assertThat(o.get(0).message()).contains("plugin throwing-plugin").contains("IllegalArgumentException: bad idea")
                .contains("step 2").contains(" at Opt.").hasSizeLessThan(400);
            assertThat(o.get(1).status()).isEqualTo(RunStatus.FINISHED);
        }
    }

    @Test
    void aPluginProducingNanEndsItsRunDiverged() throws Exception {
        Path plugins = mk(dir.resolve("plugins"));
        jar(plugins, "nan-plugin", "1.0.0", "na", optimizer("na", "nanny", "p.set(0, Double.NaN);"));
        try (Workbench w = open(plugins, 2)) {
            List<RunOutcome> o = run(w, "name: t\nproblem: bowl\ntraining: {steps: 10}\n"
                + "compare: [{optimizer: nanny}, {optimizer: plain_sgd}]");
            assertThat(o.get(0).status()).isEqualTo(RunStatus.DIVERGED);
            assertThat(o.get(0).message()).contains("nan-plugin").contains("non-finite").contains("step 1");
            assertThat(o.get(1).status()).isEqualTo(RunStatus.FINISHED);
        }
    }

    @Test
    void aHangingPluginIsStoppedByTheWatchdogWhileAnotherRunFinishesOnTheOnlyWorker() throws Exception {
        Path plugins = mk(dir.resolve("plugins"));
        // ignores interrupts (the worst case); gives up after 20 s so the test JVM is not left with a busy thread
        jar(plugins, "hang-plugin", "1.0.0", "ha", optimizer("ha", "hang", """
            long end = System.nanoTime() + 20_000_000_000L;
            while (System.nanoTime() < end) {
                try { Thread.sleep(50); } catch (InterruptedException ignored) { }
            }
            """));
        try (Workbench w = open(plugins, 1)) {
            List<RunOutcome> o = run(w, "name: t\nproblem: bowl\ntraining: {steps: 10, step_timeout_seconds: 0.5}\n"
                + "compare: [{optimizer: hang}, {optimizer: plain_sgd}]");
            assertThat(o.get(0).status()).isEqualTo(RunStatus.FAILED);
            assertThat(o.get(0).message()).contains("timeout").contains("optimizer hang (plugin hang-plugin)").contains("step 1");
            assertThat(o.get(1).status()).isEqualTo(RunStatus.FINISHED);
            assertThat(w.scheduler().abandonedThreads()).isEqualTo(1);
        }
    }
}
