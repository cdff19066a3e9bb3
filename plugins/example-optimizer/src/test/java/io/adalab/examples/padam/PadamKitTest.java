package io.adalab.examples.padam;

import io.adalab.testkit.OptimizerKit;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The compatibility kit: loss decreases, determinism, no shared state, JSON round trip, checkpoints, NaN, zero gradient. */
class PadamKitTest {

    @TestFactory
    Stream<DynamicTest> padamPassesTheKit() {
        return Stream.of(Map.<String, Object>of(), Map.<String, Object>of("partial", 0.5, "lr", 0.01))
            .flatMap(hp -> OptimizerKit.checks(new Padam(), hp).stream()
                .map(c -> DynamicTest.dynamicTest(hp + ": " + c.name(), c::run)));
    }
}
