package io.adalab.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adalab.testkit.reference.ReferenceFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public reference sets replayed through the CLI with the built-in plugin jars. */
class ReferenceCheckCommandTest {
    @TempDir
    Path data;

    @Test
    void everyPublicTorchCaseAndEveryExtraCasePasses() throws Exception {
        Path torch = ReferenceFiles.locate("optimizers");
        Path extra = ReferenceFiles.locate("optimizers-extra");
        Cli c = Cli.run("reference-check", "--json", torch.toString(), extra.toString(), "--data-dir", data.toString());
        JsonNode results = new ObjectMapper().readTree(c.out);
        assertThat(results).hasSize(96 + 114);
        for (JsonNode r : results) {
            assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("pass");
            assertThat(r.get("max_error").get("params").asDouble()).isLessThanOrEqualTo(1e-7);
        }
        assertThat(c.exit).isZero();
    }

    @Test
    void aCaseWhoseOptimizerIsMissingIsUnsupportedNotFailed() throws Exception {
        Path src = ReferenceFiles.locate("optimizers");
        Path dir = Files.createDirectories(data.resolve("cases"));
        String text = Files.readString(src.resolve("adam__rosenbrock.json")).replace("\"name\": \"adam\"", "\"name\": \"not-an-optimizer\"");
        Files.writeString(dir.resolve("x__rosenbrock.json"), text);
        Files.writeString(dir.resolve("notes.json"), "{\"hello\": 1}");
        Cli c = Cli.run("reference-check", dir.toString(), "--data-dir", data.toString());
        assertThat(c.exit).as(c.toString()).isZero();
        assertThat(c.out).contains("UNSUPPORTED").contains("0 passed, 0 failed, 1 unsupported (1 case files)");
    }

    @Test
    void aFailingCaseMakesTheExitCodeOne() throws Exception {
        Path src = ReferenceFiles.locate("optimizers");
        Path dir = Files.createDirectories(data.resolve("bad"));
        JsonNode doc = new ObjectMapper().readTree(src.resolve("sgd__rosenbrock.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("optimizer").get("hyperparameters")).put("lr", 0.00011);
        new ObjectMapper().writeValue(dir.resolve("sgd__rosenbrock.json").toFile(), doc);
        Cli c = Cli.run("reference-check", dir.toString(), "--data-dir", data.toString());
        assertThat(c.exit).as(c.toString()).isEqualTo(1);
        assertThat(c.out).contains("FAIL").contains("0 passed, 1 failed");
    }
}
