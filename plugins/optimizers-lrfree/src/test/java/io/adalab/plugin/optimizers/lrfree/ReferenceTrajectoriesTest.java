package io.adalab.plugin.optimizers.lrfree;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adalab.api.Optimizer;
import io.adalab.testkit.reference.ReferenceCases;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Replays every optimizers-extra reference case of this plugin's optimizers at the file's tolerance. */
class ReferenceTrajectoriesTest {
    private static final Set<String> IDS = Fixtures.PLUGIN.stream().map(Optimizer::id).collect(Collectors.toSet());
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Named<Path>> cases() {
        return ReferenceCases.of("optimizers-extra", IDS, true).stream().map(f -> Named.of(String.valueOf(f.getFileName()), f));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void replayReproducesTheAuthorsTrajectoryWithinTheFilesTolerance(Path file) {
        ReferenceCases.assertPasses(file, Fixtures::byId);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void schemaHasTheFilesNamesAndTheAuthorsDefaults(Path file) throws IOException {
        JsonNode optimizer = JSON.readTree(file.toFile()).path("optimizer");
        Optimizer ours = Fixtures.all().get(optimizer.path("name").asText());
        Set<String> names = ours.schema().entries().stream().map(e -> e.name()).collect(Collectors.toSet());
        names.remove("inner");

        assertThat(names).containsExactlyInAnyOrderElementsOf(() -> optimizer.path("hyperparameters").fieldNames());
        optimizer.path("author_defaults").properties().forEach(e -> {
            Object def = ours.schema().get(e.getKey()).defaultValue();
            JsonNode v = e.getValue();
            if (v.isNull()) {
                assertThat(def).as(e.getKey()).isIn(Double.POSITIVE_INFINITY, -1.0, 0.0);
            } else if (v.isNumber()) {
                assertThat(((Number) def).doubleValue()).as(e.getKey()).isEqualTo(v.asDouble());
            } else if (v.isBoolean()) {
                assertThat(def).as(e.getKey()).isEqualTo(v.asBoolean());
            } else {
                assertThat(def).as(e.getKey()).isEqualTo(v.asText());
            }
        });
    }
}
