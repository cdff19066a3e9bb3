package io.adalab.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.adalab.core.Workbench;
import io.adalab.server.http.AdalabServer;
import io.adalab.server.http.ServerOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server registers the metrics area. */
class AdalabServerMetricsTest {
    @TempDir
    Path dir;

    @Test
    void theServerServesMetricsWithPlatformJvmAndRouteTemplatedHttpMeters() throws Exception {
        GatedProblem problem = new GatedProblem();
        try (Workbench w = Workbench.open(new Workbench.Settings(dir.resolve("data"), List.of(), null, 1), problem.registry());
             AdalabServer server = AdalabServer.start(w, ServerOptions.loopback(0, dir))) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/runs/12345")).build(), HttpResponse.BodyHandlers.discarding());
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("# TYPE adalab_runs_total counter", "# TYPE adalab_runs_running gauge",
                "# TYPE adalab_store_queue_depth gauge", "# TYPE jvm_memory_used_bytes gauge", "# TYPE jetty_threads_busy gauge",
                "uri=\"/api/v1/runs/{id}\"").doesNotContain("12345");
        }
    }
}
