package io.adalab.plugin.optimizers.modern;

import static org.assertj.core.api.Assertions.assertThat;

import io.adalab.testkit.reference.ReferenceFiles;
import io.adalab.testkit.reference.ReferenceReplay;
import io.adalab.testkit.reference.ReplayResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every {@code optimizers-extra} case whose {@code optimizer.name} is one of ours (the
 * authors' PyTorch code, float64) and holds it to the file's recommended tolerance.
 */
class ReferenceTrajectoriesTest {
    private static final ReferenceReplay REPLAY = new ReferenceReplay(ModernOptimizers::byId, id -> Optional.empty());

    static Stream<Path> ourCases() throws IOException {
        Path dir = ReferenceFiles.locate("optimizers-extra");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(ReferenceReplay::isCase)
                .filter(f -> ModernOptimizers.BY_ID.containsKey(optimizerName(f)))
                .sorted()
                .toList()
                .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ourCases")
    void replayMatchesTheAuthorsCodeWithinTheFileTolerance(Path file) throws IOException {
        ReplayResult result = REPLAY.replay(file);
        assertThat(result.status()).as(result.toString() + " errors " + result.maxError())
            .isEqualTo(ReplayResult.Status.PASS);
    }

    @org.junit.jupiter.api.Test
    void everyOptimizerWithAReferenceFileIsCovered() throws IOException {
        // 11 of our optimizers have reference files (not LARS, Signum, signSGD, AdEMAMix): 2 variants x 3 problems
        assertThat(ourCases()).hasSize(11 * 6);
    }

    /** The variant prefix maps to the optimizer id: the file name up to "__", without the variant suffix. */
    private static String optimizerName(Path file) {
        String variant = file.getFileName().toString().split("__")[0];
        for (String id : ModernOptimizers.BY_ID.keySet()) {
            if (variant.equals(id) || variant.startsWith(id + "-")) {
                return id;
            }
        }
        return "";
    }
}
