package io.adalab.testkit.reference;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adalab.api.LearningRateSchedule;
import io.adalab.api.Optimizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Replays {@code optimizer-reference/1} case files (see {@code platform/testkit/reference}) against
 * our optimizers and schedules: a free replay in float64 from the file's initial parameters, with
 * our own gradients of the file's problem, compared at every recorded entry with the file's float64
 * {@code recommended_tol} as {@code |actual - expected| <= tol * max(1, |expected|)}.
 *
 * <p>Optimizers are found by the file's {@code optimizer.name} (our ids are those names) and get
 * the file's hyperparameters as they are; torch scheduler names map to our schedule ids
 * ({@code steplr} to {@code step}, {@code exponentiallr} to {@code exponential},
 * {@code cosineannealinglr} to {@code cosine}, {@code onecyclelr} to {@code one_cycle},
 * {@code reducelronplateau} to {@code plateau}). A missing optimizer or schedule, or a setting our
 * schema rejects, gives {@link ReplayResult.Status#UNSUPPORTED}, never an exception.
 *
 * <pre>{@code
 * ReferenceReplay replay = new ReferenceReplay(id -> Optional.ofNullable(myOptimizers.get(id)), id -> Optional.empty());
 * ReplayResult r = replay.replay(ReferenceFiles.locate("optimizers").resolve("adam__rosenbrock.json"));
 * }</pre>
 */
public final class ReferenceReplay {
    /** The format this class reads. */
    public static final String FORMAT = "optimizer-reference/1";
    private static final JsonFactory FACTORY = new JsonFactory();

    private final Function<String, Optional<Optimizer>> optimizers;
    private final Function<String, Optional<LearningRateSchedule>> schedules;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param optimizers optimizer by id, empty if not installed
     * @param schedules  learning-rate schedule by id, empty if not installed
     */
    public ReferenceReplay(Function<String, Optional<Optimizer>> optimizers,
                           Function<String, Optional<LearningRateSchedule>> schedules) {
        this.optimizers = optimizers;
        this.schedules = schedules;
    }

    /**
     * Whether {@code file} is a case file: a {@code .json} file whose {@code format} is
     * {@value #FORMAT} and that has a {@code trajectory}. Data files, READMEs and unreadable files
     * are not. Streams the file without building a tree.
     */
    public static boolean isCase(Path file) {
        Path name = file.getFileName();
        if (name == null || !name.toString().endsWith(".json") || !Files.isRegularFile(file)) {
            return false;
        }
        try (JsonParser p = FACTORY.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            boolean format = false;
            boolean trajectory = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("format")) {
                    if (value != JsonToken.VALUE_STRING || !FORMAT.equals(p.getText())) {
                        return false;
                    }
                    format = true;
                } else if (field.equals("trajectory")) {
                    trajectory = value == JsonToken.START_ARRAY;
                }
                if (format && trajectory) {
                    return true;
                }
                p.skipChildren();
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Replays one case file.
     *
     * @return PASS, FAIL (out of tolerance, the optimizer threw, or the file is malformed) or
     *         UNSUPPORTED (optimizer, schedule, setting or problem not available), with a message
     * @throws IOException only if the file itself cannot be read
     */
    public ReplayResult replay(Path file) throws IOException {
        String fileName = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String fallbackName = fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
        JsonNode root;
        try {
            root = mapper.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            return new ReplayResult(file.toString(), fallbackName, ReplayResult.Status.FAIL, Map.of(), Map.of(), 0,
                "not valid JSON: " + e.getOriginalMessage());
        }
        String caseName = root == null ? fallbackName : root.path("case").asText(fallbackName);
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            return new ReplayResult(file.toString(), caseName, ReplayResult.Status.UNSUPPORTED, Map.of(), Map.of(), 0,
                "not an " + FORMAT + " case (format " + (root == null ? "missing" : root.path("format")) + ")");
        }
        return new CaseRun(file, caseName, root, optimizers, schedules, mapper).run();
    }
}
