package io.adalab.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The compose setup hangs together; validated by Docker's and Prometheus's own tools where they are installed. */
class ComposeFilesTest {
    private static final Path DOCKER = GrafanaDashboardTest.DOCKER;
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    @Test
    void prometheusScrapesAdalabsMetricsEndpointInTheComposeNetwork() throws Exception {
        JsonNode compose = yaml.readTree(DOCKER.resolve("compose.yaml").toFile());
        assertThat(compose.path("services").has("adalab")).isTrue();
        JsonNode prom = yaml.readTree(DOCKER.resolve("prometheus.yml").toFile());
        JsonNode job = prom.path("scrape_configs").get(0);
        assertThat(job.path("metrics_path").asText()).isEqualTo("/metrics");
        assertThat(job.path("static_configs").get(0).path("targets").get(0).asText()).isEqualTo("adalab:7070");
        assertThat(compose.path("services").path("adalab").path("ports").get(0).asText()).endsWith(":7070");
    }

    @Test
    void grafanaGetsTheProvisioningAndTheDashboardFolder() throws Exception {
        JsonNode grafana = yaml.readTree(DOCKER.resolve("compose.yaml").toFile()).path("services").path("grafana");
        List<String> mounts = yaml.convertValue(grafana.path("volumes"), yaml.getTypeFactory().constructCollectionType(List.class, String.class));
        JsonNode provider = yaml.readTree(DOCKER.resolve("grafana/provisioning/dashboards/adalab.yaml").toFile()).path("providers").get(0);
        String dashboards = provider.path("options").path("path").asText();
        assertThat(mounts).contains("./grafana/provisioning:/etc/grafana/provisioning:ro", "./grafana/dashboards:" + dashboards + ":ro");
        assertThat(Files.exists(DOCKER.resolve("grafana/dashboards/adalab.json"))).isTrue();
    }

    @Test
    void promtoolAcceptsThePrometheusConfig() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/promtool")), "promtool not installed");
        assertThat(run("/usr/bin/promtool", "check", "config", DOCKER.resolve("prometheus.yml").toString())).isZero();
    }

    @Test
    void dockerComposeValidatesTheComposeFile() throws Exception {
        assumeTrue(runQuiet("docker", "compose", "version") == 0, "no docker compose CLI");
        assertThat(run("docker", "compose", "-f", DOCKER.resolve("compose.yaml").toString(), "config", "--quiet")).isZero();
    }

    private static int runQuiet(String... cmd) {
        try {
            return run(cmd);
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int run(String... cmd) throws java.io.IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        if (p.exitValue() != 0) {
            System.err.println(String.join(" ", cmd) + ":\n" + new String(out, StandardCharsets.UTF_8));
        }
        return p.exitValue();
    }
}
