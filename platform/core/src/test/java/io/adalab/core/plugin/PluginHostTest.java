package io.adalab.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.adalab.api.Optimizer;
import io.adalab.testkit.jar.PluginJarBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginHostTest {
    @TempDir
    Path dir;

    static String optimizerSource(String pkg, String id) {
        return """
            package %s;
            import io.adalab.api.*;
            @org.pf4j.Extension
            public final class Halver implements Optimizer {
                public String id() { return "%s"; }
                public String displayName() { return "Halver"; }
                public HyperparameterSchema schema() { return HyperparameterSchema.builder().real("lr", 0.5).positive().build(); }
                public UpdateRule create(Hyperparameters h) {
                    return UpdateRule.of(0, (b, ctx) -> {
                        for (int i = 0; i < b.length(); i++) { b.params().set(i, b.params().get(i) * ctx.learningRate()); }
                    });
                }
            }
            """.formatted(pkg, id);
    }

    @Test
    void aPluginJarBuiltInATempDirIsLoadedAndUsedById() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        new PluginJarBuilder("halver-plugin", "1.2.3").source("demo.Halver", optimizerSource("demo", "halver")).build(plugins);
        PluginRegistry registry = new PluginRegistry();
        try (PluginHost host = PluginHost.load(List.of(plugins), registry)) {
            assertThat(host.registry()).isSameAs(registry);
            Registered<Optimizer> r = registry.<Optimizer>find(ExtensionKind.OPTIMIZER, "halver").orElseThrow();
            assertThat(r.pluginId()).isEqualTo("halver-plugin");
            assertThat(r.pluginVersion()).isEqualTo("1.2.3");
            var rule = r.extension().create(r.extension().schema().resolve(java.util.Map.of()));
            double[] p = {4, 8};
            var b = io.adalab.api.Buffers.allocate(rule, io.adalab.api.Vec.of(p), io.adalab.api.Vec.of(new double[2]),
                List.of(io.adalab.api.ParameterGroup.of("x", 0, 2)));
            rule.step(b, new io.adalab.testkit.SimpleStepContext(0.5, 1).withStep(1));
            assertThat(p).containsExactly(2, 4);
            assertThat(r.extension().getClass().getClassLoader()).isNotSameAs(getClass().getClassLoader());
        }
        assertThat(registry.find(ExtensionKind.OPTIMIZER, "halver")).isEmpty();
    }

    @Test
    void aSecondPluginWithTheSameIdIsRefusedAndTheFirstKeepsWorking() {
        Path plugins = dir.resolve("p");
        new PluginJarBuilder("a-plugin", "1.0.0").source("a.Halver", optimizerSource("a", "dup")).build(mk(plugins));
        new PluginJarBuilder("b-plugin", "1.0.0").source("b.Halver", optimizerSource("b", "dup")).build(plugins);
        PluginRegistry registry = new PluginRegistry();
        try (PluginHost host = PluginHost.load(List.of(plugins), registry)) {
            assertThat(host.registry()).isSameAs(registry);
            assertThat(registry.find(ExtensionKind.OPTIMIZER, "dup")).isPresent();
            assertThat(registry.problems()).singleElement().asString().contains("optimizer id 'dup'").contains("conflicts");
        }
    }

    @Test
    void aJarThatIsNotAPluginIsReportedAndSkipped() throws Exception {
        Path plugins = mk(dir.resolve("bad"));
        Files.write(plugins.resolve("garbage.jar"), new byte[] {1, 2, 3});
        new PluginJarBuilder("good", "1.0.0").source("g.Halver", optimizerSource("g", "good")).build(plugins);
        PluginRegistry registry = new PluginRegistry();
        try (PluginHost host = PluginHost.load(List.of(plugins), registry)) {
            assertThat(host.registry()).isSameAs(registry);
            assertThat(registry.find(ExtensionKind.OPTIMIZER, "good")).isPresent();
        }
    }

    private static Path mk(Path p) {
        try {
            return Files.createDirectories(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
