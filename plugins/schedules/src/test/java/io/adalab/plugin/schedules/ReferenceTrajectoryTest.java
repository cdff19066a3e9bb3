package io.adalab.plugin.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adalab.api.LearningRateSchedule;
import io.adalab.api.ScheduleRule;
import io.adalab.api.ScheduleSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the scheduler cases of {@code platform/testkit/reference/optimizers} (torch 1.13, float64):
 * the rule built from a file's scheduler hyperparameters and the optimizer's lr must give
 * {@code trajectory[k].lr} (and one-cycle's {@code beta1}) at {@code t = k - 1} for every step.
 */
class ReferenceTrajectoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TOL = 1e-10;
    private static final Pattern SCHEDULER_KEY = Pattern.compile("\"scheduler\"\\s*:\\s*\\{");
    private static final Map<String, LearningRateSchedule> BY_TORCH_NAME = Map.of(
        "steplr", new StepSchedule(),
        "exponentiallr", new ExponentialSchedule(),
        "cosineannealinglr", new CosineSchedule(),
        "onecyclelr", new OneCycleSchedule(),
        "reducelronplateau", new PlateauSchedule());

    static Path referenceDir() {
        Path base = Path.of(System.getProperty("basedir", "."));
        return base.resolve("../../platform/testkit/reference/optimizers").normalize();
    }

    /** The case files with a scheduler (found by a text search, confirmed by parsing). */
    static Stream<Path> schedulerCases() throws IOException {
        try (Stream<Path> files = Files.list(referenceDir())) {
            List<Path> all = files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
            return all.stream().filter(ReferenceTrajectoryTest::hasScheduler);
        }
    }

    private static boolean hasScheduler(Path file) {
        try {
            return SCHEDULER_KEY.matcher(Files.readString(file)).find() && read(file).has("scheduler");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    @Test
    void everySchedulerCaseOfTheReferenceSetIsReplayed() throws IOException {
        List<Path> cases = schedulerCases().toList();
        Set<String> names = new TreeSet<>();
        for (Path p : cases) {
            names.add(read(p).get("scheduler").get("name").asText());
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
        assertThat(names).containsExactlyInAnyOrderElementsOf(BY_TORCH_NAME.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedulerCases")
    void learningRateOfEveryStepMatchesTorch(Path file) throws IOException {
        JsonNode root = read(file);
        JsonNode scheduler = root.get("scheduler");
        LearningRateSchedule schedule = BY_TORCH_NAME.get(scheduler.get("name").asText());
        assertThat(schedule).as("schedule for %s", scheduler.get("name")).isNotNull();

        Map<String, Object> values = JSON.convertValue(scheduler.get("hyperparameters"), JSON.getTypeFactory()
            .constructMapType(LinkedHashMap.class, String.class, Object.class));
        Map<String, Double> base = new LinkedHashMap<>();
        root.get("optimizer").get("hyperparameters").properties().forEach(e -> {
            if (e.getValue().isNumber()) {
                base.put(e.getKey(), e.getValue().asDouble());
            }
        });
        long steps = root.get("steps").asLong();
        ScheduleRule rule = Rules.create(schedule, values, new ScheduleSetup(base.get("lr"), steps, 1, base));

        boolean plateau = schedule instanceof PlateauSchedule;
        JsonNode trajectory = root.get("trajectory");
        int checkedBeta1 = 0;
        for (int k = 1; k <= steps; k++) {
            JsonNode entry = trajectory.get(k);
            assertThat(entry.get("step").asInt()).isEqualTo(k);
            double lr = entry.get("lr").asDouble();
            assertThat(rule.learningRate(k - 1)).as("lr of step %d", k).isCloseTo(lr, within(TOL * Math.max(1, Math.abs(lr))));
            if (entry.has("beta1")) {
                double beta1 = entry.get("beta1").asDouble();
                assertThat(rule.driven(k - 1)).as("driven values of step %d", k).containsOnlyKeys("beta1");
                assertThat(rule.driven(k - 1).get("beta1")).as("beta1 of step %d", k)
                    .isCloseTo(beta1, within(TOL * Math.max(1, Math.abs(beta1))));
                checkedBeta1++;
            } else {
                assertThat(rule.driven(k - 1)).as("driven values of step %d", k).isEmpty();
            }
            if (plateau) {
                rule.observe(k - 1, trajectory.get(k - 1).get("loss").asDouble());
            }
        }
        if (schedule instanceof OneCycleSchedule) {
            assertThat(checkedBeta1).isEqualTo(steps);
        }
    }
}
