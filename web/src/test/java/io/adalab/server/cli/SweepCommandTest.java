package io.adalab.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps end to end: points stored with their runs, one run at a time, ASHA stopping the bad points. */
class SweepCommandTest {
    @TempDir
    Path dir;

    @Test
    void aGridSweepWithAshaKeepsTheBestPointAndStopsTheWorst() throws Exception {
        Path spec = dir.resolve("sweep.yaml");
        Files.writeString(spec, """
            name: asha
            dataset: digits
            model: {type: logreg}
            training: {epochs: 3, batch_size: 64, eval_train: false}
            compare: [{optimizer: sgd}]
            sweep:
              method: grid
              max_parallel: 1
              parameters:
                lr: [0.3, 0.1, 0.0001, 0.00003, 0.00001, 0.000003]
              early_stopping: {metric: test_loss, mode: min, min_epochs: 1, reduction_factor: 3}
            """);
        Path data = dir.resolve("data");
        Cli c = Cli.run("run", spec.toString(), "--data-dir", data.toString(), "--progress", "none");
        assertThat(c.exit).as(c.toString()).isZero();
        JsonNode runs = new ObjectMapper().readTree(Cli.run("runs", "list", "--json", "--data-dir", data.toString()).out);
        assertThat(runs).hasSize(6);
        long full = runs.get(0).get("steps").asLong();
        assertThat(full).isEqualTo(3 * 23L); // 1438 training digits / 64 per batch, 3 epochs
        List<Double> stoppedLrs = new ArrayList<>();
        for (JsonNode r : runs) {
            assertThat(r.get("status").asText()).isEqualTo("FINISHED");
            String msg = r.get("message").isNull() ? "" : r.get("message").asText();
            if (msg.startsWith("stopped early by ASHA")) {
                assertThat(r.get("steps").asLong()).isLessThan(full);
                stoppedLrs.add(r.get("hyperparameters").get("lr").asDouble());
            }
        }
        assertThat(stoppedLrs).contains(0.000003, 0.00001).doesNotContain(0.3).hasSizeGreaterThanOrEqualTo(3);

        // max_parallel 1: no two runs of the sweep overlapped in time
        List<OffsetDateTime[]> spans = new ArrayList<>();
        for (JsonNode r : runs) {
            spans.add(new OffsetDateTime[] {OffsetDateTime.parse(r.get("started_at").asText()), OffsetDateTime.parse(r.get("finished_at").asText())});
        }
        spans.sort((a, b) -> a[0].compareTo(b[0]));
        for (int i = 1; i < spans.size(); i++) {
            assertThat(spans.get(i)[0]).isAfterOrEqualTo(spans.get(i - 1)[1]);
        }
        // each run carries the point it tests
        JsonNode show = new ObjectMapper().readTree(Cli.run("runs", "show", runs.get(2).get("id").asText(), "--json",
            "--data-dir", data.toString()).out);
        assertThat(show.get("spec").get("sweep_point").get("lr").asDouble()).isEqualTo(0.0001);
    }
}
