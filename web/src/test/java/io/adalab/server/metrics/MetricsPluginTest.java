package io.adalab.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.micrometer.core.instrument.Meter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsPluginTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private ServerMetrics metrics;
    private Javalin app;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        metrics = new ServerMetrics();
        app = Javalin.create(cfg -> {
            cfg.registerPlugin(new MetricsPlugin(metrics));
            cfg.routes.get("/api/v1/runs/{id}", ctx -> ctx.result("run " + ctx.pathParam("id")));
        }).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
        metrics.close();
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
        if (accept != null) {
            b.header("Accept", accept);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metricsAreServedInThePrometheusTextFormatByDefault() throws Exception {
        HttpResponse<String> r = get("/metrics", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
        assertThat(r.body()).contains("# TYPE jvm_memory_used_bytes gauge").doesNotContain("# EOF");
        assertValidFor(r.body(), "prometheus");
    }

    @Test
    void metricsAreServedAsOpenMetricsWhenTheAcceptHeaderAsksForIt() throws Exception {
        HttpResponse<String> r = get("/metrics", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
            .hasValueSatisfying(t -> assertThat(t).startsWith("application/openmetrics-text; version=1.0.0"));
        assertThat(r.body()).endsWith("# EOF\n");
    }

    @Test
    void httpRequestsAreTaggedWithTheRouteTemplateNeverTheRawPath() throws Exception {
        assertThat(get("/api/v1/runs/42", null).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/runs/43", null).statusCode()).isEqualTo(200);
        assertThat(get("/no/such/page", null).statusCode()).isEqualTo(404);

        assertThat(metrics.registry().find(HttpMetrics.NAME).tags("uri", "/api/v1/runs/{id}", "status", "200").timer().count())
            .isEqualTo(2);
        assertThat(metrics.registry().find(HttpMetrics.NAME).tags("uri", "NOT_FOUND", "status", "404").timer()).isNotNull();
        assertThat(metrics.registry().find(HttpMetrics.NAME).timers())
            .extracting(t -> t.getId().getTag("uri"))
            .noneMatch(uri -> uri.contains("42") || uri.contains("/no/such"));
    }

    @Test
    void jvmProcessAndJettyMetersAreRegistered() {
        assertThat(metrics.registry().getMeters()).extracting(Meter::getId).extracting(Meter.Id::getName)
            .contains("jvm.memory.used", "jvm.threads.live", "process.cpu.usage", "process.uptime",
                "jetty.threads.current", "jetty.threads.busy", "jetty.connections.current");
    }

    /** {@code promtool check metrics} lints the page with Prometheus's own parser, where it is installed. */
    private void assertValidFor(String body, String what) throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        if (!Files.isExecutable(promtool)) {
            return;
        }
        Path in = Files.writeString(dir.resolve(what + ".txt"), body);
        Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectInput(in.toFile())
            .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        // lint findings (naming advice) print but exit 3; a page that does not parse exits 1
        assertThat(p.exitValue()).as(out).isNotEqualTo(1);
    }
}
