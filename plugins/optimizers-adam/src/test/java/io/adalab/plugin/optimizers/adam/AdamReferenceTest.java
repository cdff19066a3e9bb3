package io.adalab.plugin.optimizers.adam;

import static org.assertj.core.api.Assertions.assertThat;

import io.adalab.api.Optimizer;
import io.adalab.testkit.reference.ReferenceCases;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AdamReferenceTest {
    private static final Map<String, Optimizer> OPTIMIZERS = Stream.of(new Adam(), new AdamW(), new Adamax(),
        new Nadam(), new Radam()).collect(Collectors.toMap(Optimizer::id, Function.identity()));

    static List<Path> cases() {
        return ReferenceCases.of("optimizers", OPTIMIZERS.keySet(), false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reproducesTheTorchTrajectory(Path file) {
        ReferenceCases.assertPasses(file, OPTIMIZERS);
    }

    @Test
    void everyTorchVariantOfTheAdamFamilyWithoutSchedulerIsCovered() {
        assertThat(cases()).hasSize(33);
    }
}
