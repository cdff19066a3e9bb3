package io.adalab.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adalab.server.http.ServerFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 5: the live health topic reads the same Micrometer registry that /metrics serves. */
class HealthTopicTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path tmp;

    /** The value of an unlabelled sample {@code name} on a Prometheus text page. */
    static double sample(String page, String name) {
        for (String line : page.split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim().split(" ")[0]);
            }
        }
        throw new AssertionError(name + " is not on the page");
    }

    @Test void aHealthSubscriberGetsTheNumbersMetricsShows() throws Exception {
        try (ServerFixture f = new ServerFixture(tmp)) {
            List<JsonNode> got = new CopyOnWriteArrayList<>();
            WebSocket.Listener l = new WebSocket.Listener() {
                private final StringBuilder partial = new StringBuilder();

                @Override public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                        try {
                            got.add(JSON.readTree(partial.toString()));
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        partial.setLength(0);
                    }
                    ws.request(1);
                    return null;
                }
            };
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + f.server.port() + "/api/v1/live"), l).get();
            ws.sendText("{\"subscribe\": [\"health\"]}", true).get();
            JsonNode health = null;
            while (health == null) {
                health = got.stream().filter(m -> m.path("type").asText().equals("health")).reduce((a, b) -> b).orElse(null);
                ServerFixture.sleep(20);
            }
            String page = f.get("/metrics").body();
            JsonNode meters = health.get("meters");
            // one WebSocket client: this one; the gauge reads the hub's count at scrape time
            assertThat(sample(page, "adalab_websocket_clients")).isEqualTo(1.0);
            assertThat(meters.get("adalab.websocket.clients").asDouble()).isEqualTo(sample(page, "adalab_websocket_clients"));
            assertThat(health.get("websocket_clients").asDouble()).isEqualTo(sample(page, "adalab_websocket_clients"));
            assertThat(meters.get("adalab.run.workers").asDouble()).isEqualTo(sample(page, "adalab_run_workers")).isEqualTo(2.0);
            assertThat(health.get("run_workers").asDouble()).isEqualTo(sample(page, "adalab_run_workers"));
            assertThat(meters.get("adalab.plugins.loaded").asDouble()).isEqualTo(sample(page, "adalab_plugins_loaded"))
                .isEqualTo(f.workbench.plugins().plugins().size());
            assertThat(health.get("plugins_loaded").asDouble()).isEqualTo(sample(page, "adalab_plugins_loaded"));
            assertThat(health.get("runs_running").asDouble()).isEqualTo(sample(page, "adalab_runs_running")).isZero();
            assertThat(health.get("runs_queued").asDouble()).isEqualTo(sample(page, "adalab_runs_queued")).isZero();
            assertThat(health.get("store_queue_depth").isNumber()).isTrue();
            assertThat(health.get("store_write_lag").isNumber()).isTrue();
            assertThat(health.get("steps_per_second").isNumber()).isTrue();
            assertThat(health.get("heap_used_bytes").asDouble()).isPositive();
            assertThat(health.get("status").asText()).isEqualTo("ok");
            // /api/v1/health reads the same registry
            JsonNode rest = ServerFixture.json(f.get("/api/v1/health"));
            assertThat(rest.get("run_workers").asDouble()).isEqualTo(2.0);
            assertThat(rest.get("meters").has("adalab.store.queue.depth")).isTrue();
            // the server's registry is the one /metrics serves
            assertThat(f.server.metrics().registry().find("adalab.websocket.clients").gauge()).isNotNull();
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get();
        }
    }
}
