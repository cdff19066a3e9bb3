package io.adalab.plugin.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adalab.api.Hyperparameter;
import io.adalab.api.HyperparameterType;
import io.adalab.api.Hyperparameters;
import io.adalab.api.LearningRateSchedule;
import io.adalab.api.ScheduleRule;
import io.adalab.api.ScheduleSetup;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What holds for every schedule of the plugin: ids, schemas, defaults and rule independence. */
class CatalogTest {
    /** A valid configuration per id (only required values). */
    private static final Map<String, Map<String, ?>> MINIMAL = Map.ofEntries(
        Map.entry("constant", Map.of()),
        Map.entry("step", Map.of("step_size", 7)),
        Map.entry("multistep", Map.of("milestones", List.of(10, 20))),
        Map.entry("exponential", Map.of("gamma", 0.95)),
        Map.entry("polynomial", Map.of("total_iters", 30)),
        Map.entry("cosine", Map.of("t_max", 9)),
        Map.entry("cosine_restarts", Map.of("t_0", 5, "t_mult", 2)),
        Map.entry("one_cycle", Map.of("max_lr", 0.1)),
        Map.entry("cyclic", Map.of("base_lr", 0.01, "max_lr", 0.1, "step_size_up", 6)),
        Map.entry("wsd", Map.of("warmup_steps", 5)),
        Map.entry("plateau", Map.of("patience", 1)),
        Map.entry("lr_range", Map.of("min_lr", 1e-5, "max_lr", 1.0)));
    private static final ScheduleSetup SETUP = new ScheduleSetup(0.05, 50, 10, Rules.ADAM);

    /** The schedules as PF4J finds them: the classes listed in the generated extension index. */
    static Map<String, LearningRateSchedule> indexed() throws IOException, ReflectiveOperationException, URISyntaxException {
        Map<String, LearningRateSchedule> byId = new TreeMap<>();
        // this plugin's own index (test-classes and dependencies have their own)
        Path index = Path.of(ConstantSchedule.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve("META-INF/extensions.idx");
        try (BufferedReader reader = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Object extension = Class.forName(line.trim()).getConstructor().newInstance();
                if (extension instanceof LearningRateSchedule s) {
                    assertThat(byId.put(s.id(), s)).as("duplicate id %s", s.id()).isNull();
                }
            }
        }
        return byId;
    }

    @Test
    void theExtensionIndexListsEveryScheduleUnderItsContractId() throws Exception {
        assertThat(indexed()).containsOnlyKeys("constant", "step", "multistep", "exponential", "polynomial",
            "cosine", "cosine_restarts", "one_cycle", "cyclic", "wsd", "plateau", "lr_range");
    }

    @Test
    void everyHyperparameterHasALowerSnakeCaseNameAndHelpText() throws Exception {
        for (LearningRateSchedule s : indexed().values()) {
            assertThat(s.displayName()).isNotBlank();
            assertThat(s.description()).isNotBlank();
            for (Hyperparameter h : s.schema().entries()) {
                assertThat(h.name()).as("%s", s.id()).matches("[a-z][a-z0-9_]*");
                assertThat(h.help()).as("help of %s.%s", s.id(), h.name()).isNotBlank();
            }
        }
    }

    @Test
    void defaultsAgreeWithTorchsAsRecordedInTheReferenceFiles() throws Exception {
        Map<String, String> idByTorchName = Map.of("steplr", "step", "exponentiallr", "exponential",
            "cosineannealinglr", "cosine", "onecyclelr", "one_cycle", "reducelronplateau", "plateau");
        Map<String, LearningRateSchedule> schedules = indexed();
        ObjectMapper json = new ObjectMapper();
        for (Path file : ReferenceTrajectoryTest.schedulerCases().toList()) {
            JsonNode scheduler = json.readTree(file.toFile()).get("scheduler");
            LearningRateSchedule s = schedules.get(idByTorchName.get(scheduler.get("name").asText()));
            scheduler.get("torch_defaults").properties().forEach(e -> {
                Hyperparameter h = s.schema().get(e.getKey());
                assertThat(h).as("%s declares %s", s.id(), e.getKey()).isNotNull();
                JsonNode torch = e.getValue();
                if (torch.isNull()) {
                    // required in torch; optional here only where a run-dependent default exists (total_steps)
                    assertThat(h.required() || h.optional()).as("%s.%s", s.id(), h.name()).isTrue();
                } else if (torch.isNumber()) {
                    assertThat(((Number) h.defaultValue()).doubleValue()).as("%s.%s", s.id(), h.name()).isEqualTo(torch.asDouble());
                } else if (torch.isBoolean()) {
                    assertThat(h.defaultValue()).as("%s.%s", s.id(), h.name()).isEqualTo(torch.asBoolean());
                } else {
                    assertThat(h.defaultValue()).as("%s.%s", s.id(), h.name()).isEqualTo(torch.asText());
                }
            });
        }
    }

    @Test
    void configurationSurvivesARoundTripThroughItsMap() throws Exception {
        for (LearningRateSchedule s : indexed().values()) {
            Hyperparameters h = s.schema().resolve(MINIMAL.get(s.id()));
            assertThat(s.schema().resolve(h.asMap())).as(s.id()).isEqualTo(h);
        }
    }

    @Test
    void twoRulesFromOneScheduleAreIndependentAndAgreeWhateverTheOrderOfCalls() throws Exception {
        for (LearningRateSchedule s : indexed().values()) {
            Hyperparameters h = s.schema().resolve(MINIMAL.get(s.id()));
            ScheduleRule forward = s.create(h, SETUP);
            ScheduleRule backward = s.create(h, SETUP);
            List<Double> ahead = new ArrayList<>();
            for (int t = 0; t < 50; t++) {
                ahead.add(forward.learningRate(t));
                forward.observe(t, 1.0);
            }
            for (int t = 49; t >= 0; t--) {
                if (!(s instanceof PlateauSchedule)) {
                    assertThat(backward.learningRate(t)).as("%s at t = %d", s.id(), t).isEqualTo(ahead.get(t));
                    assertThat(backward.driven(t)).isEqualTo(forward.driven(t));
                }
            }
            assertThat(s.create(h, SETUP).learningRate(0)).as(s.id()).isEqualTo(ahead.get(0));
        }
    }

    @Test
    void negativeTimeIsRejectedByEveryRule() throws Exception {
        for (LearningRateSchedule s : indexed().values()) {
            ScheduleRule rule = s.create(s.schema().resolve(MINIMAL.get(s.id())), SETUP);
            assertThatThrownBy(() -> rule.learningRate(-1)).as(s.id()).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void integerHyperparametersAreDeclaredAsIntegers() throws Exception {
        Map<String, LearningRateSchedule> s = indexed();
        assertThat(s.get("step").schema().get("step_size").type()).isEqualTo(HyperparameterType.INTEGER);
        assertThat(s.get("multistep").schema().get("milestones").type()).isEqualTo(HyperparameterType.INTEGER_LIST);
        assertThat(s.get("one_cycle").schema().get("total_steps").type()).isEqualTo(HyperparameterType.INTEGER);
        assertThat(s.get("plateau").schema().get("patience").type()).isEqualTo(HyperparameterType.INTEGER);
    }
}
