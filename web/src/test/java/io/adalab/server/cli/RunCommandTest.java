package io.adalab.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The foundation's user journey: run an experiment file, then read the stored runs back. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunCommandTest {
    @TempDir
    static Path dir;
    static Path data;
    static Path spec;

    @BeforeAll
    static void writeSpec() throws Exception {
        data = dir.resolve("data");
        spec = dir.resolve("small.yaml");
        Files.writeString(spec, """
            name: small
            dataset: digits
            model: {type: mlp, hidden: [16]}
            training: {epochs: 2, batch_size: 64}
            seeds: [1, 2]
            compare:
              - optimizer: sgd
                lr: 0.1
                momentum: 0.9
              - optimizer: adam
                lr: 0.003
                schedule: {type: step, step_size: 20, gamma: 0.5}
            """);
    }

    @Test
    @Order(1)
    void runTrainsEveryRunAndPrintsTheComparison() {
        Cli c = Cli.run("run", spec.toString(), "--data-dir", data.toString(), "--progress", "lines");
        assertThat(c.exit).as(c.toString()).isZero();
        assertThat(c.out).contains("Experiment small").contains("4 runs")
            .contains("test accuracy").contains("steps/s").contains("2/2")
            .contains("momentum=0.9").contains("schedule=step")
            .contains("[4/4]");
        // optimizer state per parameter: SGD with momentum keeps one buffer, Adam two
        assertThat(c.out.lines().filter(l -> l.startsWith("sgd ")).findFirst().orElseThrow()).contains(" 1× ");
        assertThat(c.out.lines().filter(l -> l.startsWith("adam ")).findFirst().orElseThrow()).contains(" 2× ");
        assertThat(data.resolve("adalab.mv.db")).exists();
    }

    @Test
    @Order(2)
    void runsListJsonHasTheContractFields() throws Exception {
        Cli c = Cli.run("runs", "list", "--json", "--data-dir", data.toString());
        assertThat(c.exit).as(c.toString()).isZero();
        JsonNode runs = new ObjectMapper().readTree(c.out);
        assertThat(runs).hasSize(4);
        for (JsonNode r : runs) {
            assertThat(r.get("id").asLong()).isPositive();
            assertThat(r.get("experiment").asText()).isEqualTo("small");
            assertThat(r.get("status").asText()).isEqualTo("FINISHED");
            assertThat(r.get("optimizer").asText()).isIn("sgd", "adam");
            assertThat(r.get("hyperparameters").get("lr").isNumber()).isTrue();
            assertThat(r.get("seed").asLong()).isIn(1L, 2L);
            assertThat(r.get("final").get("test_accuracy").asDouble()).isGreaterThan(0.3); // chance is 0.1
            assertThat(r.get("final").get("train_loss").asDouble()).isPositive();
            assertThat(r.get("final").get("test_loss").asDouble()).isPositive();
        }
        JsonNode sgd = runs.get(0);
        assertThat(sgd.get("hyperparameters").get("momentum").asDouble()).isEqualTo(0.9);
    }

    @Test
    @Order(3)
    void runsShowAndExportReadTheStoredSeries() throws Exception {
        JsonNode runs = new ObjectMapper().readTree(Cli.run("runs", "list", "--json", "--data-dir", data.toString()).out);
        String id = runs.get(3).get("id").asText();
        Cli show = Cli.run("runs", "show", id, "--data-dir", data.toString());
        assertThat(show.exit).as(show.toString()).isZero();
        assertThat(show.out).contains("FINISHED").contains("adam").contains("Per epoch").contains("test_accuracy")
            .contains("eff_lr_p50/0_W").contains("update_ratio/1_W");

        Cli csv = Cli.run("runs", "export", id, "--format", "csv", "--data-dir", data.toString());
        assertThat(csv.exit).as(csv.toString()).isZero();
        String[] lines = csv.out.split("\n");
        assertThat(lines[0]).startsWith("step,").contains("loss").contains("lr").contains("grad_norm").contains("eff_lr_p90");
        assertThat(lines).hasSize(1 + 2 * 23); // 1438 training digits / 64 = 23 steps per epoch
        // the step schedule halves Adam's learning rate every 20 steps: visible in the stored lr series
        int lrCol = java.util.Arrays.asList(lines[0].split(",")).indexOf("lr");
        assertThat(Double.parseDouble(lines[1].split(",")[lrCol])).isEqualTo(0.003);
        assertThat(Double.parseDouble(lines[21].split(",")[lrCol])).isEqualTo(0.0015);

        Cli json = Cli.run("runs", "export", id, "--format", "json", "--data-dir", data.toString());
        JsonNode doc = new ObjectMapper().readTree(json.out);
        assertThat(doc.get("step_series").get("loss").get("steps")).hasSize(46);
        assertThat(doc.get("epochs")).hasSize(2);
        assertThat(doc.get("spec").get("optimizer").get("plugin").asText()).isEqualTo("optimizers-adam");
    }

    @Test
    @Order(4)
    void aBadSpecExitsTwoWithOneLineAndStoresNothing() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: bad\ndataset: digits\nmodel: {type: mlp}\ntraining: {epochs: 1}\ncompare:\n  - optimizer: adam\n    lr: -0.1\n");
        Path fresh = dir.resolve("fresh");
        Cli c = Cli.run("run", bad.toString(), "--data-dir", fresh.toString());
        assertThat(c.exit).isEqualTo(2);
        assertThat(c.err.strip()).hasLineCount(1)
            .contains("line 7").contains("compare[0].lr").contains("must be a number > 0");
        Cli list = Cli.run("runs", "list", "--json", "--data-dir", fresh.toString());
        assertThat(list.out.strip()).isEqualTo("[]");
    }

    @Test
    @Order(5)
    void missingFilesAndUnknownRunsAreOneLineErrors() {
        Cli c = Cli.run("run", dir.resolve("nope.yaml").toString(), "--data-dir", data.toString());
        assertThat(c.exit).isEqualTo(2);
        assertThat(c.err.strip()).isEqualTo("error: no such file: " + dir.resolve("nope.yaml"));
        Cli show = Cli.run("runs", "show", "999", "--data-dir", data.toString());
        assertThat(show.exit).isEqualTo(2);
        assertThat(show.err).contains("no run with id 999");
        Cli fmt = Cli.run("runs", "export", "1", "--format", "xml", "--data-dir", data.toString());
        assertThat(fmt.exit).isEqualTo(2);
        assertThat(fmt.err).contains("--format is 'xml', must be csv or json");
    }

    @Test
    @Order(6)
    void pluginsListsEveryKindWithSchemasAndPapers() throws Exception {
        Cli c = Cli.run("plugins", "--json", "--data-dir", data.toString());
        assertThat(c.exit).as(c.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(c.out);
        assertThat(doc.get("plugins").size()).isGreaterThanOrEqualTo(8);
        java.util.Set<String> kinds = new java.util.HashSet<>();
        doc.get("extensions").forEach(e -> kinds.add(e.get("kind").asText()));
        assertThat(kinds).containsExactlyInAnyOrder("optimizer", "schedule", "model", "dataset", "problem");
        JsonNode adam = null;
        for (JsonNode e : doc.get("extensions")) {
            if (e.get("id").asText().equals("adam")) {
                adam = e;
            }
        }
        assertThat(adam).isNotNull();
        assertThat(adam.get("paper").get("arxiv").asText()).isEqualTo("1412.6980");
        assertThat(adam.get("hyperparameters").get(0).get("name").asText()).isEqualTo("lr");
        assertThat(adam.get("hyperparameters").get(0).get("default").asDouble()).isEqualTo(0.001);
        assertThat(Cli.run("plugins", "--data-dir", data.toString()).out).contains("Optimizers (").contains("Kingma");
    }

    @Test
    @Order(7)
    void anInterruptedRunResumesAndAFinishedOneSaysWhyNot() throws Exception {
        Cli list = Cli.run("runs", "list", "--json", "--data-dir", data.toString());
        JsonNode first = new ObjectMapper().readTree(list.out).get(0);
        long id = first.get("id").asLong();
        double finalLoss = first.get("final").get("test_loss").asDouble();
        Cli refused = Cli.run("runs", "resume", String.valueOf(id), "--data-dir", data.toString());
        assertThat(refused.exit).isEqualTo(2);
        assertThat(refused.err.strip()).doesNotContain("\n").contains("FINISHED").contains("only cancelled, failed or interrupted runs");

        // as if the process training it had died: a finished run keeps no checkpoint, so it starts over
        try (io.adalab.core.store.Database db = io.adalab.core.store.Database.openH2(data);
             java.sql.Connection c = db.connection();
             java.sql.PreparedStatement ps = c.prepareStatement("UPDATE run SET status = 'INTERRUPTED' WHERE id = ?")) {
            ps.setLong(1, id);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        Cli c = Cli.run("runs", "resume", String.valueOf(id), "--data-dir", data.toString(), "--progress", "lines");
        assertThat(c.exit).as(c.toString()).isZero();
        assertThat(c.out).contains("starts over").contains("FINISHED");
        JsonNode again = new ObjectMapper().readTree(Cli.run("runs", "list", "--json", "--data-dir", data.toString()).out).get(0);
        assertThat(again.get("id").asLong()).isEqualTo(id);
        assertThat(again.get("status").asText()).isEqualTo("FINISHED");
        assertThat(again.get("final").get("test_loss").asDouble()).as("the same seed, the same numbers").isEqualTo(finalLoss);
    }
}
