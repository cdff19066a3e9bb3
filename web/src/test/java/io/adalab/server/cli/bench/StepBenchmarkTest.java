package io.adalab.server.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adalab.core.plugin.PluginHost;
import io.adalab.core.plugin.PluginRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The step benchmark on tiny vectors with the built-in optimizer plugins (jars copied to
 * {@code target/adalab/plugins} by the build): the table's structure, never its timings. With
 * {@code -Dadalab.bench.full=true} it also runs the full benchmark and prints it.
 */
class StepBenchmarkTest {
    private static final Path PLUGINS = Path.of("target", "adalab", "plugins");
    private static final String NUM = "\\d+(?:\\.\\d+)?";
    private static PluginRegistry registry;
    private static PluginHost host;

    @BeforeAll
    static void loadPlugins() {
        assertThat(PLUGINS).as("built-in plugin jars (copied during process-test-resources)").isDirectory();
        registry = new PluginRegistry();
        host = PluginHost.load(List.of(PLUGINS), registry);
    }

    @AfterAll
    static void unload() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void tableListsEveryMethodAndSizeWithRatios() {
        List<String> methods = StepBenchmark.Options.defaults().optimizers();
        String text = run(new StepBenchmark.Options(List.of(10_000, 20_000), methods, 2, 1));

        assertThat(text).contains("step benchmark: float32");
        assertThat(text).containsPattern("(?m)^method\\s+impl\\s+size\\s+B/param\\s+ms/step\\s+min ms\\s+GB/s\\s+x bound\\s+DL4J/ours$");
        String table = text.substring(text.indexOf("\nmethod "));
        for (String size : List.of("1e4", "2e4")) {
            assertThat(row(table, "triad", "stream", size).group(4)).isEqualTo("16");
            for (String m : methods) {
                Matcher ours = row(table, m, "adalab", size);
                boolean hasDl4j = List.of("adam", "adagrad", "rmsprop").contains(m);
                if (hasDl4j) {
                    assertThat(ours.group(9)).as(m + " vs DL4J").matches(NUM + "x");
                    assertThat(row(table, m, "dl4j", size).group(9)).isEqualTo("1.00x");
                } else {
                    assertThat(ours.group(9)).as(m + " has no DL4J updater").isEqualTo("-");
                    assertThat(table).doesNotContainPattern("(?m)^" + m + "\\s+dl4j\\s");
                }
            }
        }
        assertThat(row(table, "adam", "adalab", "1e4").group(4)).isEqualTo("28");
        assertThat(row(table, "adamw", "adalab", "1e4").group(4)).isEqualTo("28");
        assertThat(row(table, "lion", "adalab", "1e4").group(4)).isEqualTo("20");
        assertThat(text).contains("goal, adam at 2e4:");
        assertThat(text).contains("B/param:");
    }

    @Test
    void progressLinesPrecedeTheTable() {
        String text = run(new StepBenchmark.Options(List.of(1000), List.of("lion"), 1, 0));
        int progress = text.indexOf("  lion       adalab");
        assertThat(progress).isPositive().isLessThan(text.indexOf("\nmethod "));
        assertThat(text).doesNotContain("goal,");
    }

    @Test
    void unknownOptimizerIsRejectedBeforeAnythingRuns() {
        StringWriter s = new StringWriter();
        assertThatThrownBy(() -> StepBenchmark.run(registry,
            new StepBenchmark.Options(List.of(1000), List.of("adam", "no-such"), 1, 0), new PrintWriter(s)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such").hasMessageContaining("adam");
        assertThat(s.toString()).isEmpty();
    }

    @Test
    void optionsAreValidated() {
        assertThatThrownBy(() -> new StepBenchmark.Options(List.of(0), List.of("adam"), 1, 0))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StepBenchmark.Options(List.of(10), List.of("adam"), 0, 0))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StepBenchmark.Options(List.of(), List.of("adam"), 1, 0))
            .isInstanceOf(IllegalArgumentException.class);
        StepBenchmark.Options d = StepBenchmark.Options.defaults();
        assertThat(d.sizes()).containsExactly(1_000_000, 10_000_000);
        assertThat(d.optimizers()).containsExactly("adam", "adamw", "adagrad", "rmsprop", "lion");
    }

    @Test
    void sizesArePrintedCompactly() {
        assertThat(Table.size(1_000_000)).isEqualTo("1e6");
        assertThat(Table.size(20_000)).isEqualTo("2e4");
        assertThat(Table.size(12_345)).isEqualTo("12345");
        assertThat(Table.size(1)).isEqualTo("1");
    }

    /** The real benchmark (minutes): {@code mvn test -pl web -Dtest=StepBenchmarkTest -Dadalab.bench.full=true}. */
    @Test
    @EnabledIfSystemProperty(named = "adalab.bench.full", matches = "true")
    void fullBenchmark() {
        StepBenchmark.run(registry, StepBenchmark.Options.defaults(), new PrintWriter(System.out, true));
    }

    private static String run(StepBenchmark.Options options) {
        StringWriter s = new StringWriter();
        StepBenchmark.run(registry, options, new PrintWriter(s));
        return s.toString();
    }

    /** The table row for method, impl and size; groups 4..9: B/param, ms, min ms, GB/s, x bound, DL4J/ours. */
    private static Matcher row(String table, String method, String impl, String size) {
        Pattern p = Pattern.compile("(?m)^(" + Pattern.quote(method) + ")\\s+(" + impl + ")\\s+(" + size + ")\\s+(\\d+)\\s+("
            + NUM + ")\\s+(" + NUM + ")\\s+(" + NUM + ")\\s+(" + NUM + "x)\\s+(" + NUM + "x|-)$");
        Matcher m = p.matcher(table);
        assertThat(m.find()).as("row %s %s %s in%n%s", method, impl, size, table).isTrue();
        return m;
    }
}
