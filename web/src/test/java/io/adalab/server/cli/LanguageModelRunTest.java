package io.adalab.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A character LSTM through the CLI: language models report throughput in tokens, and perplexity. */
class LanguageModelRunTest {
    @TempDir
    Path dir;

    @Test
    void aLanguageModelRunCountsPredictedTokens() throws Exception {
        Path spec = dir.resolve("lm.yaml");
        Files.writeString(spec, """
            name: lm
            dataset: {type: text, seq_length: 16, limit_chars: 6000}
            model: {type: char_lstm, embedding: 8, hidden: 16, layers: 1, tbptt_length: 16}
            training: {steps: 12, batch_size: 8}
            seeds: [1]
            compare: [{optimizer: adam, lr: 0.01}]
            """);
        Path data = dir.resolve("data");
        Cli c = Cli.run("run", spec.toString(), "--data-dir", data.toString(), "--progress", "none");
        assertThat(c.exit).as(c.toString()).isZero();
        assertThat(c.out).contains("test perplexity").contains("tokens/s");
        JsonNode run = new ObjectMapper().readTree(Cli.run("runs", "list", "--json", "--data-dir", data.toString()).out).get(0);
        JsonNode fin = run.get("final");
        // every window predicts all 16 characters, 8 windows a step, over the same wall time as the steps
        assertThat(fin.get("tokens_per_second").asDouble() / fin.get("steps_per_second").asDouble()).isCloseTo(8 * 16, within(1e-6));
        assertThat(fin.get("samples_per_second").asDouble() / fin.get("steps_per_second").asDouble()).isCloseTo(8, within(1e-9));
    }
}
