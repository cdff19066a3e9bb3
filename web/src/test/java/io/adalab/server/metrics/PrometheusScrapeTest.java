package io.adalab.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adalab.core.Workbench;
import io.adalab.core.events.RunEvent;
import io.adalab.core.spec.ExperimentPlan;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus server (Debian's {@code prometheus} package) scrapes a test server on loopback
 * while a run is held at a known step; the values Prometheus parsed from {@code /metrics} must be the
 * ones the trainer emitted at that step. Skipped where the binary is absent.
 */
class PrometheusScrapeTest {
    private static final Path PROMETHEUS = Path.of(System.getProperty("adalab.prometheus", "/usr/bin/prometheus"));
    private static final long HELD_AT = 3;
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void prometheusScrapesTheLossOfARunningRunAsTheTrainerEmittedIt() throws Exception {
        assumeTrue(Files.isExecutable(PROMETHEUS), "no Prometheus binary at " + PROMETHEUS);
        GatedProblem problem = new GatedProblem();
        Map<Long, RunEvent.Step> lastStep = new ConcurrentHashMap<>();
        List<RunEvent.Step> steps = new CopyOnWriteArrayList<>();
        Map<Long, RunEvent.Started> started = new ConcurrentHashMap<>();
        Process prometheus = null;
        try (Workbench w = Workbench.open(new Workbench.Settings(dir.resolve("data"), List.of(), null, 1), problem.registry());
             ServerMetrics metrics = ServerMetrics.forWorkbench(w)) {
            w.subscribe(e -> {
                if (e instanceof RunEvent.Step s) {
                    steps.add(s);
                    lastStep.put(s.runId(), s);
                } else if (e instanceof RunEvent.Started s) {
                    started.put(s.runId(), s);
                }
            });
            Javalin app = Javalin.create(cfg -> cfg.registerPlugin(new MetricsPlugin(metrics))).start("127.0.0.1", 0);
            try {
                ExperimentPlan plan = w.planner().plan("name: scrape-test\nproblem: gated_bowl\ntraining: {steps: 1000}\n"
                    + "compare: [{optimizer: test_sgd, lr: 0.01}]", false);
                Workbench.Launched launched = w.launch(plan);
                long run = launched.runIds().get(0);
                holdAt(problem, lastStep, run, HELD_AT);
                RunEvent.Step held = lastStep.get(run);
                List<String> series = started.get(run).series();

                int promPort = freePort();
                prometheus = startPrometheus(app.port(), promPort);
                String sel = "{run=\"" + run + "\"}";
                JsonNode loss = awaitValue(promPort, "adalab_run_loss" + sel, held.values()[series.indexOf("loss")]);
                assertThat(loss.path("metric").path("experiment").asText()).isEqualTo("scrape-test");
                assertThat(loss.path("metric").path("optimizer").asText()).isEqualTo("test_sgd");
                awaitValue(promPort, "adalab_run_learning_rate" + sel, held.values()[series.indexOf("lr")]);
                awaitValue(promPort, "adalab_run_gradient_norm" + sel, held.values()[series.indexOf("grad_norm")]);
                awaitValue(promPort, "adalab_run_update_ratio" + sel, held.values()[series.indexOf("update_ratio")]);
                awaitValue(promPort, "adalab_run_effective_learning_rate{run=\"" + run + "\",quantile=\"0.5\"}",
                    lastComputed(steps, series.indexOf("eff_lr_p50")));
                awaitValue(promPort, "adalab_steps_total" + sel, HELD_AT);
                awaitValue(promPort, "adalab_step_seconds_count" + sel, HELD_AT);
                awaitValue(promPort, "adalab_runs_running", 1);
                awaitValue(promPort, "up{job=\"adalab\"}", 1);

                w.scheduler().cancel(run);
                problem.permits.release(1_000_000);
                launched.outcomes().get(0).get(60, TimeUnit.SECONDS);
            } finally {
                problem.permits.release(1_000_000);
                app.stop();
            }
        } finally {
            if (prometheus != null) {
                prometheus.destroy();
                if (!prometheus.waitFor(20, TimeUnit.SECONDS)) {
                    prometheus.destroyForcibly();
                }
            }
        }
    }

    /** Quantiles are sampled every few steps: the gauge keeps the latest computed value. */
    private static double lastComputed(List<RunEvent.Step> steps, int index) {
        double v = Double.NaN;
        for (RunEvent.Step s : steps) {
            if (!Double.isNaN(s.values()[index])) {
                v = s.values()[index];
            }
        }
        assertThat(v).as("a computed quantile").isNotNaN();
        return v;
    }

    /** Lets the run take steps one permit at a time until it has reported {@code step}. */
    private static void holdAt(GatedProblem problem, Map<Long, RunEvent.Step> last, long run, long step) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (current(last, run) < step) {
            assertThat(System.nanoTime()).as("run %d reaching step %d", run, step).isLessThan(deadline);
            long before = current(last, run);
            problem.permits.release();
            while (current(last, run) == before && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }
        assertThat(current(last, run)).isEqualTo(step);
    }

    private static long current(Map<Long, RunEvent.Step> last, long run) {
        RunEvent.Step s = last.get(run);
        return s == null ? 0 : s.step();
    }

    private Process startPrometheus(int targetPort, int port) throws IOException, InterruptedException {
        Path config = Files.writeString(dir.resolve("prometheus.yml"), String.join("\n",
            "global:",
            "  scrape_interval: 1s",
            "  scrape_timeout: 1s",
            "scrape_configs:",
            "  - job_name: adalab",
            "    static_configs:",
            "      - targets: ['127.0.0.1:" + targetPort + "']",
            ""));
        Process p = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("tsdb"),
            "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
            .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            assertThat(p.isAlive()).as("prometheus exited: %s", log()).isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return p;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            assertThat(System.nanoTime()).as("prometheus ready: %s", log()).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** Queries until the instant vector's first sample equals {@code expected}; returns it. */
    private JsonNode awaitValue(int port, String query, double expected) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            JsonNode body = json.readTree(http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body());
            JsonNode result = body.path("data").path("result");
            if (result.size() == 1) {
                last = result.get(0);
                if (Double.parseDouble(last.path("value").get(1).asText()) == expected) {
                    return last;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError(query + " never became " + expected + "; last: " + last + "\n" + log());
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("prometheus.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
