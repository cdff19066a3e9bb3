package io.adalab.plugin.optimizers.adam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adalab.api.Optimizer;
import io.adalab.testkit.reference.ReferenceFiles;
import io.adalab.testkit.reference.ReferenceReplay;
import io.adalab.testkit.reference.ReplayResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AdamReferenceTest {
    private static final Map<String, Optimizer> OPTIMIZERS = Stream.of(new Adam(), new AdamW(), new Adamax(),
        new Nadam(), new Radam()).collect(Collectors.toMap(Optimizer::id, Function.identity()));
    private static final ReferenceReplay REPLAY = new ReferenceReplay(id -> Optional.ofNullable(OPTIMIZERS.get(id)),
        id -> Optional.empty());

    static List<Path> cases() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(ReferenceFiles.locate("optimizers"))) {
            return files.filter(ReferenceReplay::isCase).filter(f -> {
                try {
                    JsonNode root = json.readTree(f.toFile());
                    return OPTIMIZERS.containsKey(root.path("optimizer").path("name").asText())
                        && !root.has("scheduler");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reproducesTheTorchTrajectory(Path file) throws IOException {
        ReplayResult r = REPLAY.replay(file);
        assertThat(r.status()).as(r.toString()).isEqualTo(ReplayResult.Status.PASS);
    }

    @Test
    void everyTorchVariantOfTheAdamFamilyWithoutSchedulerIsCovered() throws IOException {
        assertThat(cases()).hasSize(33);
    }
}
