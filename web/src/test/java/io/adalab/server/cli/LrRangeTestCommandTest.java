package io.adalab.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The range test end to end, on a problem whose good learning rates are known in closed form. */
class LrRangeTestCommandTest {
    @TempDir
    Path dir;

    @Test
    void theSuggestionForSgdOnAQuadraticLandsInsideTheStableRange() throws Exception {
        // eigenvalues 1..1000: gradient descent converges for lr < 2 / 1000 and is useless below ~1e-5
        Path spec = dir.resolve("range.yaml");
        Files.writeString(spec, """
            name: range-quadratic
            problem: {type: quadratic, n: 10, condition: 1000}
            lr_range_test: {min_lr: 1.0e-7, max_lr: 1.0, steps: 200}
            compare: [{optimizer: sgd}]
            """);
        Cli c = Cli.run("run", spec.toString(), "--data-dir", dir.resolve("data").toString(), "--progress", "none");
        assertThat(c.exit).as(c.toString()).isZero();
        Matcher m = Pattern.compile("(?m)^suggested lr: (\\S+)$").matcher(c.out);
        assertThat(m.find()).as(c.out).isTrue();
        double lr = Double.parseDouble(m.group(1));
        assertThat(lr).isBetween(1e-5, 2e-3);
        assertThat(c.out).contains("steepest descent").contains("minimum-loss lr / 10");
    }
}
