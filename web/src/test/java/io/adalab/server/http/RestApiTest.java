package io.adalab.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestApiTest {
    static final String ROSENBROCK = """
        name: rosen
        problem: rosenbrock
        training: {steps: 300}
        seeds: [1, 2]
        compare:
          - {optimizer: adam, lr: 0.01}
          - {optimizer: sgd, lr: 0.0005}
        """;
    @TempDir static Path tmp;
    static ServerFixture f;
    static long rosen;

    @BeforeAll static void start() {
        f = new ServerFixture(tmp);
        rosen = f.launch(ROSENBROCK);
        f.awaitDone(rosen);
    }

    @AfterAll static void stop() {
        f.close();
    }

    static JsonNode error(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).contains("application/json"));
        JsonNode e = ServerFixture.json(r);
        assertThat(e.has("error") && e.has("detail") && e.has("field")).as(r.body()).isTrue();
        return e;
    }

    @Test void healthAnswersOk() {
        JsonNode h = ServerFixture.json(f.get("/api/v1/health"));
        assertThat(h.get("status").asText()).isEqualTo("ok");
        assertThat(h.get("workers").asInt()).isEqualTo(2);
    }

    @Test void pluginsListEveryOptimizerWithItsSchema() {
        JsonNode p = ServerFixture.json(f.get("/api/v1/plugins"));
        JsonNode adam = null;
        for (JsonNode o : p.get("extensions").get("optimizer")) {
            if (o.get("id").asText().equals("adam")) {
                adam = o;
            }
        }
        assertThat(adam).isNotNull();
        assertThat(adam.get("paper").get("citation").asText()).contains("Kingma");
        JsonNode lr = adam.get("hyperparameters").get(0);
        assertThat(lr.get("name").asText()).isEqualTo("lr");
        assertThat(lr.get("log_scale").asBoolean()).isTrue();
        assertThat(p.get("extensions").get("problem").toString()).contains("rosenbrock", "slow_bowl");
        assertThat(p.get("training").toString()).contains("steps");
        assertThat(p.get("plugins").size()).isGreaterThanOrEqualTo(8);
    }

    @Test void launchedExperimentFinishesWithEveryRunListed() {
        JsonNode e = ServerFixture.json(f.get("/api/v1/experiments/" + rosen));
        assertThat(e.get("name").asText()).isEqualTo("rosen");
        assertThat(e.get("status").asText()).isIn("FINISHED", "ENDED");
        assertThat(e.get("run_list")).hasSize(4);
        assertThat(e.get("best").get("optimizer").asText()).isNotEmpty();
        assertThat(e.get("problem_2d").asBoolean()).isTrue();
        JsonNode list = ServerFixture.json(f.get("/api/v1/experiments"));
        assertThat(list.toString()).contains("\"id\":" + rosen);
        JsonNode runs = ServerFixture.json(f.get("/api/v1/runs?experiment=" + rosen + "&optimizer=adam"));
        assertThat(runs).hasSize(2);
        long run = runs.get(0).get("id").asLong();
        JsonNode r = ServerFixture.json(f.get("/api/v1/runs/" + run));
        assertThat(r.get("status").asText()).isEqualTo("FINISHED");
        assertThat(r.get("series").toString()).contains("loss", "lr", "grad_norm");
        assertThat(r.get("progress").get("fraction").asDouble()).isEqualTo(1.0);
    }

    @Test void seriesIsDownsampledOnTheServerKeepingMinAndMax() {
        long run = firstRun(rosen);
        JsonNode full = ServerFixture.json(f.get("/api/v1/runs/" + run + "/series?name=loss"));
        assertThat(full.get("raw").asBoolean()).isTrue();
        assertThat(full.get("steps")).hasSize(300);
        JsonNode thin = ServerFixture.json(f.get("/api/v1/runs/" + run + "/series?name=loss&points=20"));
        assertThat(thin.get("steps").size()).isLessThanOrEqualTo(20);
        assertThat(thin.get("raw").asBoolean()).isFalse();
        double fullMax = 0;
        for (JsonNode v : full.get("last")) {
            fullMax = Math.max(fullMax, v.asDouble());
        }
        double thinMax = 0;
        for (JsonNode v : thin.get("max")) {
            thinMax = Math.max(thinMax, v.asDouble());
        }
        assertThat(thinMax).isEqualTo(fullMax);
        JsonNode window = ServerFixture.json(f.get("/api/v1/runs/" + run + "/series?name=loss&from=100&to=149&points=1000"));
        assertThat(window.get("steps")).hasSize(50);
        assertThat(window.get("steps").get(0).asLong()).isEqualTo(100);
    }

    @Test void seriesParametersAreChecked() {
        long run = firstRun(rosen);
        assertThat(error(f.get("/api/v1/runs/" + run + "/series"), 400).get("field").asText()).isEqualTo("name");
        assertThat(error(f.get("/api/v1/runs/" + run + "/series?name=loss&points=0"), 400).get("field").asText()).isEqualTo("points");
        assertThat(error(f.get("/api/v1/runs/" + run + "/series?name=loss&from=x"), 400).get("field").asText()).isEqualTo("from");
        error(f.get("/api/v1/runs/999999/series?name=loss"), 404);
        assertThat(error(f.get("/api/v1/runs/abc"), 400).get("field").asText()).isEqualTo("id");
    }

    @Test void exportsOneRunAndAllRunsOfAnExperiment() {
        long run = firstRun(rosen);
        HttpResponse<String> csv = f.get("/api/v1/runs/" + run + "/export?format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        String[] lines = csv.body().split("\n");
        assertThat(lines[0]).startsWith("run_id,experiment_id,label,optimizer,seed,step,epoch,wall_time,loss,lr");
        assertThat(lines).hasSize(301);
        HttpResponse<String> all = f.get("/api/v1/experiments/" + rosen + "/export?format=csv");
        assertThat(all.body().split("\n")).hasSize(1 + 4 * 300);
        JsonNode json = ServerFixture.json(f.get("/api/v1/experiments/" + rosen + "/export"));
        assertThat(json.get("experiment").get("source").asText()).contains("rosenbrock");
        assertThat(json.get("runs")).hasSize(4);
        assertThat(json.get("runs").get(0).get("series").get("loss").get("values")).hasSize(300);
        error(f.get("/api/v1/runs/" + run + "/export?format=xml"), 400);
    }

    @Test void rankingGroupsSeedsPerConfigurationAndCountsStepsToTarget() {
        JsonNode r = ServerFixture.json(f.get("/api/v1/experiments/" + rosen + "/ranking?target=5"));
        assertThat(r.get("metric").asText()).isEqualTo("final_loss");
        assertThat(r.get("groups")).hasSize(2);
        assertThat(r.get("groups").get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(r.get("groups").get(0).get("runs").asInt()).isEqualTo(2);
        assertThat(r.get("runs")).hasSize(4);
        r.get("groups").forEach(g -> {
            if (g.get("optimizer").asText().equals("adam")) {
                assertThat(g.get("state_per_parameter").asDouble()).as("Adam keeps m and v").isEqualTo(2.0);
            }
        });
        HttpResponse<String> csv = f.get("/api/v1/experiments/" + rosen + "/ranking?target=5&format=csv");
        assertThat(csv.body()).startsWith("rank,config,optimizer,runs");
        assertThat(csv.body().split("\n")).hasSize(3);
    }

    @Test void aCancelledRunResumesFromItsCheckpointAndEndsAsIfNeverStopped() {
        String yaml = """
            name: %s
            problem: {type: slow_bowl, pause_us: 400}
            training: {steps: 3000, checkpoint_every: 500}
            seeds: [7]
            compare: [{optimizer: adam, lr: 0.01, schedule: {type: plateau, patience: 50}}]
            """;
        long twin = f.launch(yaml.formatted("uninterrupted"));
        f.awaitDone(twin);
        long id = f.launch(yaml.formatted("interrupted"));
        long run = firstRun(id);
        while (f.server.hub().live(run).map(l -> l.step()).orElse(0L) < 1200) {
            ServerFixture.sleep(5);
        }
        f.post("/api/v1/runs/" + run + "/cancel", "application/json", "");
        f.awaitDone(id);
        assertThat(f.workbench.store().run(run).orElseThrow().status().name()).isEqualTo("CANCELLED");

        HttpResponse<String> r = f.post("/api/v1/runs/" + run + "/resume", "application/json", "");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        long from = ServerFixture.json(r).get("from_step").asLong();
        assertThat(from).isPositive().isLessThan(3000);
        assertThat(from % 500).isZero();
        f.awaitDone(id);
        JsonNode done = ServerFixture.json(f.get("/api/v1/runs/" + run));
        assertThat(done.get("status").asText()).isEqualTo("FINISHED");

        // what the store holds is what an uninterrupted run stored: every step once, the same numbers
        long other = firstRun(twin);
        for (String name : List.of("loss", "lr", "iterate_x", "eff_lr_p50")) {
            JsonNode a = ServerFixture.json(f.get("/api/v1/runs/" + run + "/series?name=" + name + "&points=100000"));
            JsonNode b = ServerFixture.json(f.get("/api/v1/runs/" + other + "/series?name=" + name + "&points=100000"));
            assertThat(a.get("steps")).as(name).isEqualTo(b.get("steps"));
            assertThat(a.get("last")).as(name).isEqualTo(b.get("last"));
        }
        assertThat(done.get("final").get("final_loss")).isEqualTo(ServerFixture.json(f.get("/api/v1/runs/" + other)).get("final").get("final_loss"));

        assertThat(error(f.post("/api/v1/runs/" + run + "/resume", "application/json", ""), 409).get("detail").asText())
            .contains("FINISHED");
        error(f.post("/api/v1/runs/99999/resume", "application/json", ""), 404);
    }

    @Test void aRunTrainedOutsideTheServerHasItsPathStoredAndExported() {
        // as `adalab run` does: straight through the workbench, no server involved
        var launched = f.workbench.launch(f.workbench.planner().plan("""
            name: cli-rosen
            problem: rosenbrock
            training: {steps: 40}
            compare: [{optimizer: sgd, lr: 0.0005}]
            """, false));
        launched.outcomes().forEach(java.util.concurrent.CompletableFuture::join);
        f.workbench.writer().flush();
        long run = launched.runIds().get(0);
        JsonNode p = ServerFixture.json(f.get("/api/v1/runs/" + run + "/path?points=1000"));
        assertThat(p.get("x")).hasSize(40);
        assertThat(p.get("x").get(0).asDouble()).isEqualTo(-1.5);
        assertThat(p.get("y").get(0).asDouble()).isEqualTo(2.0);
        // one SGD step from (-1.5, 2): grad = (-400 x (y - x^2) - 2 (1 - x), 200 (y - x^2))
        double gx = -400 * -1.5 * (2 - 2.25) - 2 * (1 + 1.5);
        double gy = 200 * (2 - 2.25);
        assertThat(p.get("x").get(1).asDouble()).isCloseTo(-1.5 - 0.0005 * gx, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(p.get("y").get(1).asDouble()).isCloseTo(2.0 - 0.0005 * gy, org.assertj.core.data.Offset.offset(1e-12));
        String csv = f.get("/api/v1/runs/" + run + "/export?format=csv").body();
        assertThat(csv.lines().findFirst().orElseThrow()).contains("iterate_x").contains("iterate_y");
        error(f.get("/api/v1/runs/" + firstRun(rosen) + "/path?points=1"), 400);
    }

    @Test void twoDimensionalProblemsHaveAPathAndAContour() {
        long run = firstRun(rosen);
        JsonNode p = ServerFixture.json(f.get("/api/v1/runs/" + run + "/path"));
        assertThat(p.get("x").size()).isGreaterThanOrEqualTo(300);
        assertThat(p.get("x").get(0).asDouble()).isEqualTo(-1.5);
        assertThat(p.get("y").get(0).asDouble()).isEqualTo(2.0);
        assertThat(p.get("steps").get(0).asLong()).isEqualTo(1);
        assertThat(p.get("steps").get(p.get("steps").size() - 1).asLong()).isEqualTo(300);
        JsonNode c = ServerFixture.json(f.get("/api/v1/experiments/" + rosen + "/contour?n=20"));
        assertThat(c.get("x")).hasSize(20);
        assertThat(c.get("z")).hasSize(400);
        assertThat(c.get("start").get(0).asDouble()).isEqualTo(-1.5);
    }

    @Test void malformedYamlIs400WithLine() {
        JsonNode e = error(f.post("/api/v1/experiments", "application/yaml", "name: x\ncompare: [\n  - {"), 400);
        assertThat(e.get("error").asText()).isEqualTo("invalid_spec");
        assertThat(e.get("detail").asText()).contains("malformed YAML");
        assertThat(e.get("line").asInt()).isGreaterThan(0);
    }

    @Test void unknownOptimizerIs400NamingFieldAndLine() {
        JsonNode e = error(f.post("/api/v1/experiments", "application/yaml", """
            name: x
            problem: rosenbrock
            training: {steps: 10}
            compare:
              - {optimizer: adamm}
            """), 400);
        assertThat(e.get("field").asText()).isEqualTo("compare[0].optimizer");
        assertThat(e.get("line").asInt()).isEqualTo(5);
        assertThat(e.get("detail").asText()).contains("adamm", "adam");
    }

    @Test void outOfRangeValueIs400NamingField() {
        JsonNode e = error(f.post("/api/v1/experiments", "application/json",
            "{\"name\":\"x\",\"problem\":\"rosenbrock\",\"training\":{\"steps\":10},\"compare\":[{\"optimizer\":\"adam\",\"lr\":-1}]}"), 400);
        assertThat(e.get("field").asText()).isEqualTo("compare[0].lr");
    }

    @Test void dryRunValidatesWithoutStoring() {
        int before = ServerFixture.json(f.get("/api/v1/experiments")).size();
        HttpResponse<String> r = f.post("/api/v1/experiments?dry_run=true", "application/yaml", ROSENBROCK);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(ServerFixture.json(r).get("runs")).hasSize(4);
        assertThat(ServerFixture.json(f.get("/api/v1/experiments")).size()).isEqualTo(before);
    }

    @Test void otherMediaTypesAre415() {
        assertThat(error(f.post("/api/v1/experiments", "application/xml", "<x/>"), 415).get("error").asText())
            .isEqualTo("unsupported_media_type");
    }

    @Test void bodiesOverTheLimitAre413() {
        String big = "name: x\n# " + "y".repeat(70 * 1024) + "\n";
        assertThat(error(f.post("/api/v1/experiments", "application/yaml", big), 413).get("error").asText())
            .isEqualTo("body_too_large");
    }

    @Test void unknownRoutesAndResourcesAre404Json() {
        error(f.get("/api/v1/nothing-here"), 404);
        error(f.get("/api/v1/experiments/424242"), 404);
        error(f.delete("/api/v1/experiments/424242"), 404);
    }

    @Test void crossSitePostsAreRefused() {
        HttpResponse<String> r = f.send(HttpRequest.newBuilder(f.uri("/api/v1/experiments"))
            .header("Content-Type", "application/yaml").header("Origin", "http://evil.example")
            .POST(HttpRequest.BodyPublishers.ofString(ROSENBROCK)).build());
        assertThat(error(r, 403).get("error").asText()).isEqualTo("forbidden_origin");
    }

    @Test void openApiDescribesEveryRoute() {
        JsonNode doc = ServerFixture.json(f.get("/api/v1/openapi.json"));
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        List<String> paths = new ArrayList<>();
        doc.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/api/v1/health", "/api/v1/plugins", "/api/v1/experiments", "/api/v1/experiments/{id}",
            "/api/v1/experiments/{id}/cancel", "/api/v1/experiments/{id}/export", "/api/v1/runs", "/api/v1/runs/{id}",
            "/api/v1/runs/{id}/series", "/api/v1/runs/{id}/export");
        assertThat(doc.get("paths").get("/api/v1/experiments").get("post").get("security")).isNotNull();
    }

    @Test void readyMadeExperimentsAreListedAndLaunchInOneCall() {
        JsonNode c = ServerFixture.json(f.get("/api/v1/catalog"));
        assertThat(c.get(0).get("name").asText()).isEqualTo("bowl-quick");
        assertThat(c.get(0).get("title").asText()).isEqualTo("Bowl, two optimizers");
        HttpResponse<String> r = f.post("/api/v1/catalog/bowl-quick/launch", "application/json", "");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        long id = ServerFixture.json(r).get("id").asLong();
        assertThat(f.awaitDone(id).get("counts").get("FINISHED").asInt()).isEqualTo(2);
        error(f.post("/api/v1/catalog/nope/launch", "application/json", ""), 404);
    }

    @Test void deletingAnExperimentRemovesItsRuns() {
        long id = f.launch(ROSENBROCK.replace("name: rosen", "name: doomed"));
        f.awaitDone(id);
        long run = firstRun(id);
        assertThat(f.delete("/api/v1/experiments/" + id).statusCode()).isEqualTo(204);
        error(f.get("/api/v1/experiments/" + id), 404);
        error(f.get("/api/v1/runs/" + run), 404);
    }

    @Test void runningExperimentsCanBeCancelledButNotDeleted() {
        long id = f.launch("""
            name: long
            problem: {type: slow_bowl, pause_us: 100}
            training: {steps: 1000000}
            seeds: [1]
            compare: [{optimizer: sgd, lr: 0.001, momentum: 0.9}]
            """);
        assertThat(error(f.delete("/api/v1/experiments/" + id), 409).get("error").asText()).isEqualTo("conflict");
        HttpResponse<String> c = f.post("/api/v1/experiments/" + id + "/cancel", "application/json", "");
        assertThat(c.statusCode()).isEqualTo(202);
        JsonNode done = f.awaitDone(id);
        assertThat(done.get("counts").get("CANCELLED").asInt()).isEqualTo(1);
    }

    @Test void refusesToListenBeyondLoopbackWithoutAToken() {
        assertThatThrownBy(() -> AdalabServer.start(f.workbench, new ServerOptions("0.0.0.0", 0, null, null, 0)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token");
    }

    @Test void beyondLoopbackStateChangesNeedTheToken(@TempDir Path other) {
        try (ServerFixture g = new ServerFixture(other, "0.0.0.0", "s3cret")) {
            error(g.post("/api/v1/experiments?dry_run=true", "application/yaml", ROSENBROCK), 401);
            HttpResponse<String> wrong = g.send(HttpRequest.newBuilder(g.uri("/api/v1/experiments?dry_run=true"))
                .header("Content-Type", "application/yaml").header("Authorization", "Bearer nope")
                .POST(HttpRequest.BodyPublishers.ofString(ROSENBROCK)).build());
            error(wrong, 401);
            HttpResponse<String> ok = g.send(HttpRequest.newBuilder(g.uri("/api/v1/experiments?dry_run=true"))
                .header("Content-Type", "application/yaml").header("Authorization", "Bearer s3cret")
                .POST(HttpRequest.BodyPublishers.ofString(ROSENBROCK)).build());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(g.get("/api/v1/health").statusCode()).isEqualTo(200);
        }
    }

    @Test void servesTheDashboard() {
        HttpResponse<String> index = f.get("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("Adalab");
        assertThat(f.get("/webjars/uplot/1.6.30/dist/uPlot.esm.js").statusCode()).isEqualTo(200);
    }

    static long firstRun(long experiment) {
        return ServerFixture.json(f.get("/api/v1/experiments/" + experiment)).get("run_list").get(0).get("id").asLong();
    }
}
