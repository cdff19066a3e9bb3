package io.adalab.testkit.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adalab.api.Optimizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The case files of a plugin's optimizers, and a one-call replay for tests:
 *
 * <pre>{@code
 * static List<Path> cases() {
 *     return ReferenceCases.of("optimizers", Set.of("adam", "adamw"), false);
 * }
 *
 * @ParameterizedTest @MethodSource("cases")
 * void reproducesTheTorchTrajectory(Path file) {
 *     ReferenceCases.assertPasses(file, id -> Optional.ofNullable(mine.get(id)));
 * }
 * }</pre>
 */
public final class ReferenceCases {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferenceCases() {
    }

    /**
     * The case files of reference set {@code set} (see {@link ReferenceFiles#locate}) whose
     * {@code optimizer.name} is one of {@code optimizerIds}, sorted by path.
     *
     * @param withSchedulers whether to include cases that drive the learning rate with a {@code scheduler}
     * @throws UncheckedIOException if the folder or a case file cannot be read
     */
    public static List<Path> of(String set, Set<String> optimizerIds, boolean withSchedulers) {
        try (Stream<Path> files = Files.list(ReferenceFiles.locate(set))) {
            return files.filter(ReferenceReplay::isCase).filter(f -> {
                JsonNode root = read(f);
                return optimizerIds.contains(root.path("optimizer").path("name").asText())
                    && (withSchedulers || !root.has("scheduler"));
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replays {@code file} with {@code optimizers} (no schedules) and returns the result if it passed.
     *
     * @throws AssertionError with the result and its worst errors unless it is {@link ReplayResult.Status#PASS}
     */
    public static ReplayResult assertPasses(Path file, Function<String, Optional<Optimizer>> optimizers) {
        ReplayResult r;
        try {
            r = new ReferenceReplay(optimizers, id -> Optional.empty()).replay(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (r.status() != ReplayResult.Status.PASS) {
            throw new AssertionError(r + " errors " + r.maxError());
        }
        return r;
    }

    /** {@link #assertPasses(Path, Function)} with optimizers by id from a map. */
    public static ReplayResult assertPasses(Path file, Map<String, ? extends Optimizer> optimizers) {
        return assertPasses(file, id -> Optional.ofNullable(optimizers.get(id)));
    }

    private static JsonNode read(Path f) {
        try {
            return JSON.readTree(f.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
