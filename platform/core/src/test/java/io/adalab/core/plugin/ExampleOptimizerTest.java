package io.adalab.core.plugin;

import static io.adalab.core.plugin.TestPlugins.await;
import static io.adalab.core.plugin.TestPlugins.mk;
import static org.assertj.core.api.Assertions.assertThat;

import io.adalab.core.Fixtures;
import io.adalab.core.Workbench;
import io.adalab.core.events.RunStatus;
import io.adalab.core.train.RunOutcome;
import io.adalab.testkit.jar.PluginJarBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follows "Write your own optimizer in ten minutes" (plugins/example-optimizer/README.md) as a user
 * would: builds the example's source into a plugin jar with the example's manifest, drops it into a
 * running workbench, and runs an experiment that compares it with Adam (built the same way from
 * the optimizers-adam sources). The Maven build of the example itself runs in CI
 * ({@code mvn -f plugins/example-optimizer/pom.xml package}); here the same source is compiled
 * in-process so the test needs neither Maven nor a network.
 */
class ExampleOptimizerTest {
    private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

    @TempDir
    Path dir;


    @Test
    void theExamplePluginIsDroppedInAndComparedWithAdam() throws Exception {
        Path example = REPO.resolve("plugins/example-optimizer/src/main/java");
        Path adam = REPO.resolve("plugins/optimizers-adam/src/main/java");
        assertThat(example).isDirectory();
        Path builtin = mk(dir.resolve("builtin"));
        Path user = mk(dir.resolve("data/plugins"));
        new PluginJarBuilder("optimizers-adam", "0.1.0").sourcesFrom(adam).build(builtin);
        Path jar = new PluginJarBuilder("example-optimizer", "0.1.0").manifest("Plugin-Requires", ">=0.1.0").sourcesFrom(example)
            .build(mk(dir.resolve("target")));

        try (Workbench w = Workbench.open(new Workbench.Settings(dir.resolve("data"), List.of(builtin, user), null, 2),
            Fixtures.registry())) {
            assertThat(w.plugins().validate(jar).extensions()).containsExactly("optimizer:padam");
            Files.copy(jar, user.resolve("example-optimizer-0.1.0.jar"));
            assertThat(await(() -> w.registry().find(ExtensionKind.OPTIMIZER, "padam").isPresent(), Duration.ofSeconds(10))).isTrue();
            assertThat(w.registry().find(ExtensionKind.OPTIMIZER, "padam").orElseThrow().pluginId()).isEqualTo("example-optimizer");

            Workbench.Launched l = w.launch(w.planner().plan("""
                name: padam-vs-adam
                problem: {type: bowl, n: 5}
                training: {steps: 200}
                seeds: [1]
                compare:
                  - {optimizer: padam, lr: 0.05}
                  - {optimizer: adam, lr: 0.05}
                """, false));
            RunOutcome padam = l.outcomes().get(0).get(120, TimeUnit.SECONDS);
            RunOutcome adamOutcome = l.outcomes().get(1).get(120, TimeUnit.SECONDS);
            assertThat(padam.status()).as(padam.message()).isEqualTo(RunStatus.FINISHED);
            assertThat(adamOutcome.status()).as(adamOutcome.message()).isEqualTo(RunStatus.FINISHED);
            assertThat(padam.finalMetrics().get("final_loss")).isLessThan(0.1);
            assertThat(adamOutcome.finalMetrics().get("final_loss")).isLessThan(0.1);
            assertThat(w.store().run(l.runIds().get(0)).orElseThrow().optimizerPlugin()).isEqualTo("example-optimizer");
        }
    }
}
