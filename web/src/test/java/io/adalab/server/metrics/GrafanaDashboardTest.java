package io.adalab.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adalab.core.events.RunEvent;
import io.adalab.core.events.RunStatus;
import io.adalab.core.metrics.PlatformMetrics;
import io.adalab.core.metrics.RunLabels;
import io.adalab.core.metrics.RunMetrics;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped Grafana dashboard only asks for metrics Adalab exports. */
class GrafanaDashboardTest {
    static final Path DOCKER = Path.of("..", "docker");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theToolkitReadsMetricNamesOutOfPromQl() {
        assertThat(PromQl.metricNames("histogram_quantile(0.9, sum by (le, run) (rate(adalab_step_seconds_bucket{run=~\"$run\"}[1m])))"))
            .containsExactly("adalab_step_seconds_bucket");
        assertThat(PromQl.metricNames("sum by (status) (increase(adalab_runs_total[$__range])) or vector(0)"))
            .containsExactly("adalab_runs_total");
        assertThat(PromQl.metricNames("a_b / on(run) group_left c_d > 1e-3")).containsExactly("a_b", "c_d");
    }

    @Test
    void everyPanelQueryNamesAMetricAdalabExports() throws Exception {
        Set<String> exported = exportedNames();
        JsonNode dash = json.readTree(DOCKER.resolve("grafana/dashboards/adalab.json").toFile());
        List<JsonNode> panels = new ArrayList<>();
        dash.path("panels").forEach(p -> {
            panels.add(p);
            p.path("panels").forEach(panels::add);
        });
        Set<String> used = new HashSet<>();
        int queries = 0;
        for (JsonNode p : panels) {
            if (p.path("type").asText().equals("row")) {
                continue;
            }
            assertThat(p.path("targets").size()).as("queries of panel %s", p.path("title")).isPositive();
            assertThat(p.path("datasource").path("uid").asText()).isEqualTo("adalab-prometheus");
            for (JsonNode t : p.path("targets")) {
                Set<String> names = PromQl.metricNames(t.path("expr").asText());
                assertThat(names).as("metrics of %s in panel %s", t.path("expr"), p.path("title")).isNotEmpty();
                assertThat(exported).as("panel %s", p.path("title")).containsAll(names);
                used.addAll(names);
                queries++;
            }
        }
        for (JsonNode v : dash.path("templating").path("list")) {
            String def = v.path("definition").asText(); // label_values(metric, label)
            assertThat(exported).contains(def.substring(def.indexOf('(') + 1, def.indexOf(',')).trim());
        }
        assertThat(queries).isGreaterThan(10);
        assertThat(used).as("the issue's panels: loss, learning rate, effective learning rate, steps/s, runs by status")
            .contains("adalab_run_loss", "adalab_run_learning_rate", "adalab_run_effective_learning_rate", "adalab_steps_total",
                "adalab_runs_total");
    }

    @Test
    void theDatasourceUidTheDashboardUsesIsTheProvisionedOne() throws Exception {
        JsonNode ds = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
            .readTree(DOCKER.resolve("grafana/provisioning/datasources/prometheus.yaml").toFile());
        assertThat(ds.path("datasources").get(0).path("uid").asText()).isEqualTo("adalab-prometheus");
        assertThat(ds.path("datasources").get(0).path("url").asText()).isEqualTo("http://prometheus:9090");
    }

    /** Families on a real /metrics page with a run, the platform meters and one HTTP request, with their sample suffixes. */
    static Set<String> exportedNames() throws Exception {
        try (ServerMetrics metrics = new ServerMetrics();
             RunMetrics runs = new RunMetrics(new RunMetrics.Config(10, Duration.ofHours(1)), null)) {
            metrics.bind(runs, new PlatformMetrics(() -> 1, () -> 2, () -> 0, () -> 1L, runs::stepRecords, () -> 8));
            PlatformMetrics.bindWebSocketClients(metrics.registry(), () -> 1);
            runs.label(1, new RunLabels("e", "adam"));
            runs.onEvent(new RunEvent.Started(1, List.of("loss", "lr", "grad_norm", "update_norm", "update_ratio",
                "eff_lr_p10", "eff_lr_p50", "eff_lr_p90"), 2));
            runs.onEvent(new RunEvent.Step(1, 1, 0, 0.01, new double[] {1, 0.1, 1, 0.1, 0.01, 0.1, 0.1, 0.1}));
            runs.onEvent(new RunEvent.Status(2, RunStatus.FINISHED, "", Map.of()));
            Javalin app = Javalin.create(cfg -> {
                cfg.registerPlugin(new MetricsPlugin(metrics));
                cfg.routes.get("/api/v1/health", ctx -> ctx.result("ok"));
            }).start("127.0.0.1", 0);
            try {
                HttpClient http = HttpClient.newHttpClient();
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/v1/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
                String page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
                Set<String> names = new HashSet<>();
                for (String line : page.split("\n")) {
                    if (line.startsWith("# TYPE ")) {
                        String[] f = line.split(" ");
                        names.add(f[2]);
                        if (f[3].equals("histogram") || f[3].equals("summary")) {
                            names.add(f[2] + "_count");
                            names.add(f[2] + "_sum");
                            names.add(f[2] + "_bucket");
                        }
                    }
                }
                return names;
            } finally {
                app.stop();
            }
        }
    }
}
