package io.adalab.plugin.optimizers.modern;

import static org.assertj.core.api.Assertions.assertThat;

import io.adalab.testkit.reference.ReferenceCases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every {@code optimizers-extra} case whose {@code optimizer.name} is one of ours (the
 * authors' PyTorch code, float64) and holds it to the file's recommended tolerance.
 */
class ReferenceTrajectoriesTest {

    static List<Path> ourCases() {
        return ReferenceCases.of("optimizers-extra", ModernOptimizers.BY_ID.keySet(), true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ourCases")
    void replayMatchesTheAuthorsCodeWithinTheFileTolerance(Path file) {
        ReferenceCases.assertPasses(file, ModernOptimizers::byId);
    }

    @Test
    void everyOptimizerWithAReferenceFileIsCovered() {
        // 11 of our optimizers have reference files (not LARS, Signum, signSGD, AdEMAMix): 2 variants x 3 problems
        assertThat(ourCases()).hasSize(11 * 6);
    }
}
