package io.adalab.core.plugin;

import static io.adalab.core.plugin.TestPlugins.await;
import static io.adalab.core.plugin.TestPlugins.drop;
import static io.adalab.core.plugin.TestPlugins.jar;
import static io.adalab.core.plugin.TestPlugins.mk;
import static org.assertj.core.api.Assertions.assertThat;

import io.adalab.core.Fixtures;
import io.adalab.core.Workbench;
import io.adalab.core.events.RunEvent;
import io.adalab.core.events.RunStatus;
import io.adalab.core.train.RunOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drop-in, removal and replacement while a workbench runs, through the folder watcher. */
class PluginLifecycleTest {
    private static final Duration WATCHER = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private Workbench open(Path plugins) {
        return Workbench.open(new Workbench.Settings(dir.resolve("data"), List.of(plugins), null, 2), Fixtures.registry());
    }

    private static String experiment(String optimizer) {
        return "name: t\nproblem: bowl\ntraining: {steps: 3}\ncompare: [{optimizer: " + optimizer + "}]";
    }

    @Test
    void aJarDroppedInWhileRunningAppearsAndDisappearsWhenRemoved() throws Exception {
        Path plugins = mk(dir.resolve("plugins"));
        Path built = jar(dir.resolve("build"), "dropped", "1.0.0", "dr", TestPlugins.sgd("dr", "dropped-sgd"));
        try (Workbench w = open(plugins)) {
            assertThat(w.registry().find(ExtensionKind.OPTIMIZER, "dropped-sgd")).isEmpty();
            long t0 = System.nanoTime();
            Path jar = drop(built, plugins, "dropped.jar");
            assertThat(await(() -> w.registry().find(ExtensionKind.OPTIMIZER, "dropped-sgd").isPresent(), WATCHER)).isTrue();
            System.out.printf("drop-in visible after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            assertThat(w.plugins().events()).extracting(PluginEvent::type).contains(PluginEvent.Type.LOADED);
            RunOutcome o = w.launch(w.planner().plan(experiment("dropped-sgd"), false)).outcomes().get(0).get(60, TimeUnit.SECONDS);
            assertThat(o.status()).isEqualTo(RunStatus.FINISHED);

            Files.delete(jar);
            assertThat(await(() -> w.registry().find(ExtensionKind.OPTIMIZER, "dropped-sgd").isEmpty(), WATCHER)).isTrue();
            assertThat(w.plugins().plugins()).isEmpty();
            assertThat(w.plugins().events()).extracting(PluginEvent::type).contains(PluginEvent.Type.REMOVED, PluginEvent.Type.RETIRED);
        }
    }

    @Test
    void aReplacedJarServesNewRunsWhileTheRunInFlightKeepsItsVersion() throws Exception {
        String gate = "adalab.test.gate." + System.nanoTime();
        Path plugins = mk(dir.resolve("plugins"));
        // v1 sets every parameter to 1, v2 to 2: the bowl's final loss tells which version a run used
        Path v1 = jar(dir.resolve("v1"), "versioned", "1.0.0", "ve", TestPlugins.gated("ve", "ver", 1.0, gate));
        Path v2 = jar(dir.resolve("v2"), "versioned", "2.0.0", "ve", TestPlugins.gated("ve", "ver", 2.0, gate));
        drop(v1, plugins, "versioned.jar");
        System.setProperty(gate, "closed");
        try (Workbench w = open(plugins)) {
            CountDownLatch started = new CountDownLatch(1);
            w.subscribe(e -> {
                if (e instanceof RunEvent.Started) {
                    started.countDown();
                }
            });
            Workbench.Launched old = w.launch(w.planner().plan(experiment("ver"), false));
            assertThat(started.await(60, TimeUnit.SECONDS)).isTrue(); // v1 is now inside its first step

            drop(v2, plugins, "versioned.jar"); // overwritten in place, as cp does
            assertThat(await(() -> w.registry().find(ExtensionKind.OPTIMIZER, "ver")
                .map(r -> r.pluginVersion().equals("2.0.0")).orElse(false), WATCHER)).isTrue();
            assertThat(w.plugins().events()).filteredOn(e -> e.type() == PluginEvent.Type.REPLACED).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("1 run(s) in flight keep version 1.0.0"));
            Workbench.Launched fresh = w.launch(w.planner().plan(experiment("ver"), false));

            System.setProperty(gate, "open");
            RunOutcome a = old.outcomes().get(0).get(60, TimeUnit.SECONDS);
            RunOutcome b = fresh.outcomes().get(0).get(60, TimeUnit.SECONDS);
            assertThat(a.status()).isEqualTo(RunStatus.FINISHED);
            assertThat(b.status()).isEqualTo(RunStatus.FINISHED);
            // bowl: 0.5 * sum_i (i+1) x_i^2 over 5 coordinates = 7.5 x^2
            assertThat(a.finalMetrics().get("final_loss")).isEqualTo(7.5);
            assertThat(b.finalMetrics().get("final_loss")).isEqualTo(30.0);
            assertThat(w.store().run(old.runIds().get(0)).orElseThrow().optimizerVersion()).isEqualTo("1.0.0");
            assertThat(w.store().run(fresh.runIds().get(0)).orElseThrow().optimizerVersion()).isEqualTo("2.0.0");
            assertThat(await(() -> w.plugins().events().stream().anyMatch(e -> e.type() == PluginEvent.Type.RETIRED
                && e.version().equals("1.0.0")), WATCHER)).isTrue();
        } finally {
            System.clearProperty(gate);
        }
    }

    @Test
    void aBadJarDroppedOverAGoodOneIsRefusedAndTheGoodVersionKeepsWorking() throws Exception {
        Path plugins = mk(dir.resolve("plugins"));
        drop(jar(dir.resolve("b"), "solid", "1.0.0", "so", TestPlugins.sgd("so", "solid-sgd")), plugins, "solid.jar");
        try (Workbench w = open(plugins)) {
            Files.write(plugins.resolve("solid.jar"), new byte[] {'n', 'o', 'p', 'e'});
            assertThat(await(() -> w.plugins().events().stream().anyMatch(e -> e.type() == PluginEvent.Type.REFUSED), WATCHER)).isTrue();
            assertThat(w.registry().find(ExtensionKind.OPTIMIZER, "solid-sgd").orElseThrow().pluginVersion()).isEqualTo("1.0.0");
            assertThat(w.registry().problems()).singleElement().asString().contains("solid.jar").contains("not a readable jar");
            RunOutcome o = w.launch(w.planner().plan(experiment("solid-sgd"), false)).outcomes().get(0).get(60, TimeUnit.SECONDS);
            assertThat(o.status()).isEqualTo(RunStatus.FINISHED);
        }
    }
}
