package io.adalab.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 7 over REST: reports, a sweep's points and LR sensitivity, the LR range test's suggestion. */
class AnalysisApiTest {
    /** 2 optimizers x 3 learning rates on the bowl, one seed. */
    static final String SWEEP = """
        name: bowl-sweep
        problem: slow_bowl
        training: {steps: 150}
        seeds: [1]
        compare:
          - {optimizer: sgd}
          - {optimizer: adam}
        sweep:
          method: grid
          parameters:
            lr: [0.001, 0.01, 0.05]
        """;
    /** The LR range test on the bowl: SGD diverges beyond lr = 0.1, so the suggestion lies below. */
    static final String RANGE = """
        name: bowl-range
        problem: slow_bowl
        seeds: [1]
        lr_range_test: {min_lr: 0.00001, max_lr: 1, steps: 200}
        compare:
          - {optimizer: sgd}
          - {optimizer: adam}
        """;
    @TempDir static Path tmp;
    static ServerFixture f;
    static long sweep;
    static long range;

    @BeforeAll static void start() {
        f = new ServerFixture(tmp);
        sweep = f.launch(SWEEP);
        range = f.launch(RANGE);
        f.awaitDone(sweep);
        f.awaitDone(range);
    }

    @AfterAll static void stop() {
        f.close();
    }

    @Test void theReportIsHtmlWithItsChartsDataCsvAndJson() {
        HttpResponse<String> html = f.get("/api/v1/experiments/" + sweep + "/report");
        assertThat(html.statusCode()).as(html.body()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(html.body()).contains("<title>").contains("bowl-sweep").contains("uPlot")
            .contains("\"sensitivity\"").contains("\"curves\"").contains("\"profile\"").contains("\"sgd\"").contains("\"adam\"")
            .doesNotContain("src=\"http");

        HttpResponse<String> csv = f.get("/api/v1/experiments/" + sweep + "/report?format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String[] lines = csv.body().split("\n");
        assertThat(lines[0]).isEqualTo("experiment,configuration,optimizer,lr,runs,finished,final_loss_mean,final_loss_std,"
            + "steps_to_target,seconds_to_target,best_for_optimizer");
        assertThat(lines).hasSize(7);

        JsonNode json = ServerFixture.json(f.get("/api/v1/experiments/" + sweep + "/report?format=json&tolerance=0.2"));
        assertThat(json.get("tolerance").asDouble()).isEqualTo(0.2);
        assertThat(json.get("problems").get(0).get("configs")).hasSize(6);

        HttpResponse<String> across = f.get("/api/v1/reports?experiments=" + sweep + "," + range + "&format=json");
        assertThat(across.statusCode()).as(across.body()).isEqualTo(200);
        JsonNode j = ServerFixture.json(across);
        assertThat(j.get("problems")).hasSize(2);
        assertThat(j.get("profile").has("sgd") && j.get("profile").has("adam")).isTrue();
        assertThat(f.get("/api/v1/reports?experiments=" + sweep + "," + range).body()).contains("bowl-sweep, bowl-range");
        assertThat(f.get("/api/v1/experiments/" + sweep + "/report?download=true&format=csv").headers()
            .firstValue("Content-Disposition").orElse("")).contains("report-" + sweep + ".csv");

        assertThat(f.get("/api/v1/experiments/999999/report").statusCode()).isEqualTo(404);
        assertThat(f.get("/api/v1/experiments/" + sweep + "/report?format=pdf").statusCode()).isEqualTo(400);
        assertThat(f.get("/api/v1/experiments/" + sweep + "/report?tolerance=2").statusCode()).isEqualTo(400);
        assertThat(f.get("/api/v1/reports").statusCode()).isEqualTo(400);
        JsonNode doc = ServerFixture.json(f.get("/api/v1/openapi.json"));
        assertThat(doc.get("paths").has("/api/v1/experiments/{id}/report")).isTrue();
        assertThat(doc.get("paths").has("/api/v1/reports")).isTrue();
        assertThat(doc.get("paths").get("/api/v1/plugins").has("post")).isTrue();
    }

    @Test void aSweepIsOneExperimentWithItsPointsAndLrSensitivity() {
        JsonNode e = ServerFixture.json(f.get("/api/v1/experiments/" + sweep));
        assertThat(e.get("kind").asText()).isEqualTo("sweep");
        assertThat(e.get("run_list")).hasSize(6);
        JsonNode s = ServerFixture.json(f.get("/api/v1/experiments/" + sweep + "/sweep"));
        assertThat(s.get("parameters").toString()).isEqualTo("[\"lr\"]");
        assertThat(s.get("metric").asText()).isEqualTo("final_loss");
        assertThat(s.get("runs")).hasSize(6);
        for (JsonNode r : s.get("runs")) {
            assertThat(r.get("point").get("lr").asDouble()).isEqualTo(r.get("lr").asDouble());
        }
        JsonNode sgd = s.get("sensitivity").get("sgd");
        assertThat(sgd).hasSize(3);
        List<Double> lrs = new ArrayList<>();
        sgd.forEach(p -> lrs.add(p.get("lr").asDouble()));
        assertThat(lrs).containsExactly(0.001, 0.01, 0.05);
        // on the bowl SGD gets further with a larger (stable) learning rate
        assertThat(sgd.get(2).get("mean").asDouble()).isLessThan(sgd.get(0).get("mean").asDouble());
        assertThat(s.get("sensitivity").get("adam")).hasSize(3);
    }

    @Test void theRangeTestSuggestsALearningRateAndAComparisonThatLaunches() {
        JsonNode e = ServerFixture.json(f.get("/api/v1/experiments/" + range));
        assertThat(e.get("kind").asText()).isEqualTo("lr_range");
        JsonNode r = ServerFixture.json(f.get("/api/v1/experiments/" + range + "/range-test"));
        assertThat(r.get("settings").get("smoothing").asDouble()).isEqualTo(0.98);
        assertThat(r.get("settings").get("stop_factor").asDouble()).isEqualTo(4.0);
        assertThat(r.get("configs")).hasSize(2);
        JsonNode sgd = r.get("configs").get(0);
        assertThat(sgd.get("optimizer").asText()).isEqualTo("sgd");
        double lr = sgd.get("suggested_lr").asDouble();
        // SGD on x^2 + 10 y^2 is stable for lr < 0.1
        assertThat(lr).isGreaterThan(1e-4).isLessThan(0.1);
        JsonNode curve = sgd.get("curves").get(0);
        assertThat(curve.get("lr").size()).isEqualTo(curve.get("smoothed").size()).isGreaterThan(10);
        JsonNode cmp = r.get("comparison");
        assertThat(cmp.has("lr_range_test")).isFalse();
        assertThat(cmp.get("seeds").toString()).isEqualTo("[1,2,3]");
        assertThat(cmp.get("compare").get(0).get("lr").asDouble()).isCloseTo(lr, org.assertj.core.data.Percentage.withPercentage(1));
        HttpResponse<String> launched = f.post("/api/v1/experiments?dry_run=true", "application/json", cmp.toString());
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(200);
        assertThat(ServerFixture.json(launched).get("runs")).hasSize(6);
        assertThat(f.get("/api/v1/experiments/" + sweep + "/range-test").statusCode()).isEqualTo(409);
    }
}
