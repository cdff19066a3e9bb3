package io.adalab.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adalab.core.Workbench;
import io.adalab.core.plugin.PluginRegistry;
import io.adalab.testkit.jar.PluginJarBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Write your own optimizer in ten minutes" as a user follows it against a running server: the
 * example plugin's source (plugins/example-optimizer) is built into a jar, dropped into the
 * server's plugin folder, appears in /api/v1/plugins without a restart, and an experiment posted
 * over REST compares it with Adam. (CI also builds the example with its own Maven project.)
 */
class ExamplePluginServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    @Test
    void theExampleOptimizerIsDroppedIntoARunningServerAndComparedWithAdam() throws Exception {
        Path user = Files.createDirectories(dir.resolve("data/plugins"));
        try (Workbench wb = Workbench.open(new Workbench.Settings(dir.resolve("data"), List.of(ServerFixture.PLUGINS, user), null, 2),
                new PluginRegistry());
             AdalabServer server = AdalabServer.start(wb, ServerOptions.loopback(0, null))) {
            HttpClient http = HttpClient.newHttpClient();
            URI base = URI.create(server.url());
            assertThat(get(http, base.resolve("api/v1/plugins"))).doesNotContain("\"padam\"");

            Path jar = new PluginJarBuilder("example-optimizer", "0.1.0").manifest("Plugin-Requires", ">=0.1.0")
                .sourcesFrom(Path.of("../plugins/example-optimizer/src/main/java")).build(Files.createDirectories(dir.resolve("build")));
            Files.copy(jar, user.resolve("example-optimizer-0.1.0.jar"));
            assertThat(await(() -> get(http, base.resolve("api/v1/plugins")).contains("\"padam\""))).isTrue();

            HttpResponse<String> created = http.send(HttpRequest.newBuilder(base.resolve("api/v1/experiments"))
                .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString("""
                    name: padam-vs-adam
                    dataset: digits
                    model: {type: mlp, hidden: [32]}
                    training: {epochs: 1, batch_size: 64}
                    compare:
                      - {optimizer: padam, lr: 0.01}
                      - {optimizer: adam, lr: 0.003}
                    """)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            long id = JSON.readTree(created.body()).get("id").asLong();
            URI exp = base.resolve("api/v1/experiments/" + id);
            assertThat(await(() -> List.of("FINISHED", "ENDED").contains(status(get(http, exp))))).isTrue();
            JsonNode runs = JSON.readTree(get(http, exp)).get("run_list");
            assertThat(runs).hasSize(2);
            for (JsonNode r : runs) {
                assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("FINISHED");
            }
        }
    }

    private static String status(String experimentJson) {
        try {
            return JSON.readTree(experimentJson).path("status").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String get(HttpClient http, URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls for at most a minute (a bound on waiting, not a timing assertion). */
    private static boolean await(BooleanSupplier c) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (c.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

}
