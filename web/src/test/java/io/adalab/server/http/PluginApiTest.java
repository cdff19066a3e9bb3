package io.adalab.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.adalab.testkit.jar.PluginJarBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 6 over REST: uploading plugin jars, the listing with sources and errors, plugin events on the live socket. */
class PluginApiTest {
    @TempDir Path tmp;

    /** An SGD optimizer plugin jar with optimizer id {@code id}. */
    static Path optimizerJar(Path dir, String pluginId, String version, String pkg, String id, String... manifest) {
        PluginJarBuilder b = new PluginJarBuilder(pluginId, version).source(pkg + ".Opt", """
            package %s;
            import io.adalab.api.*;
            @org.pf4j.Extension
            public final class Opt implements Optimizer {
                public String id() { return "%s"; }
                public String displayName() { return "Uploaded %s"; }
                public HyperparameterSchema schema() { return HyperparameterSchema.builder().real("lr", 0.1).positive().build(); }
                public UpdateRule create(Hyperparameters h) {
                    return UpdateRule.of(0, (b, ctx) -> {
                        Vec p = b.params();
                        Vec g = b.grad();
                        for (int i = 0; i < p.length(); i++) { p.set(i, p.get(i) - ctx.learningRate() * g.get(i)); }
                    });
                }
            }
            """.formatted(pkg, id, id));
        for (int i = 0; i + 1 < manifest.length; i += 2) {
            b.manifest(manifest[i], manifest[i + 1]);
        }
        try {
            return b.build(Files.createDirectories(dir));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static HttpResponse<String> upload(ServerFixture f, Path jar, String name, String token) throws IOException {
        HttpRequest.Builder r = HttpRequest.newBuilder(f.uri("/api/v1/plugins?filename=" + java.net.URLEncoder.encode(name,
                java.nio.charset.StandardCharsets.UTF_8)))
            .header("Content-Type", "application/java-archive").POST(HttpRequest.BodyPublishers.ofFile(jar));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return f.send(r.build());
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static JsonNode installed(ServerFixture f, String pluginId) {
        for (JsonNode p : ServerFixture.json(f.get("/api/v1/plugins")).get("installed")) {
            if (p.get("id").asText().equals(pluginId)) {
                return p;
            }
        }
        return null;
    }

    /** Collects the text messages of a live socket. */
    static final class Messages implements WebSocket.Listener {
        final List<String> all = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();

        @Override public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                all.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        boolean any(String fragment) {
            return all.stream().anyMatch(m -> m.contains(fragment));
        }
    }

    @Test void anUploadedOptimizerIsListedStreamedAndUsableInAnExperiment() throws Exception {
        try (ServerFixture f = new ServerFixture(tmp)) {
            Messages live = new Messages();
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + f.server.port() + "/api/v1/live"), live).get();
            ws.sendText("{\"subscribe\": [\"plugins\"]}", true).get();
            while (!live.any("\"subscribed\"")) {
                ServerFixture.sleep(20);
            }
            Path jar = optimizerJar(tmp.resolve("build"), "uploaded-sgd", "1.0.0", "up1", "uploaded_sgd");
            HttpResponse<String> r = upload(f, jar, "uploaded-sgd-1.0.0.jar", null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            JsonNode res = ServerFixture.json(r);
            assertThat(res.get("installed").asBoolean()).isTrue();
            assertThat(res.get("plugin_id").asText()).isEqualTo("uploaded-sgd");
            assertThat(res.get("extensions").toString()).contains("optimizer:uploaded_sgd");
            assertThat(files(f.userPlugins)).containsExactly("uploaded-sgd-1.0.0.jar");

            JsonNode listed = installed(f, "uploaded-sgd");
            assertThat(listed).isNotNull();
            assertThat(listed.get("builtin").asBoolean()).isFalse();
            assertThat(listed.get("file").asText()).isEqualTo("uploaded-sgd-1.0.0.jar");
            assertThat(listed.get("version").asText()).isEqualTo("1.0.0");
            assertThat(installed(f, "adalab-optimizers-adam") == null || installed(f, "adalab-optimizers-adam").get("builtin").asBoolean())
                .isTrue();
            JsonNode all = ServerFixture.json(f.get("/api/v1/plugins"));
            assertThat(all.get("extensions").get("optimizer").toString()).contains("\"uploaded_sgd\"");
            assertThat(all.get("events").toString()).contains("LOADED").contains("uploaded-sgd");
            for (JsonNode p : all.get("installed")) {
                if (!p.get("id").asText().equals("uploaded-sgd")) {
                    assertThat(p.get("builtin").asBoolean()).as(p.toString()).isTrue();
                }
            }
            while (!live.any("\"type\":\"plugin\"")) {
                ServerFixture.sleep(20);
            }
            assertThat(live.all.stream().filter(m -> m.contains("\"type\":\"plugin\"")).findFirst().orElseThrow())
                .contains("\"event\":\"LOADED\"").contains("uploaded-sgd");
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get();

            long id = f.launch("""
                name: uploaded
                problem: slow_bowl
                training: {steps: 100}
                seeds: [1]
                compare:
                  - {optimizer: uploaded_sgd, lr: 0.02}
                  - {optimizer: sgd, lr: 0.02}
                """);
            JsonNode done = f.awaitDone(id);
            for (JsonNode run : done.get("run_list")) {
                assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("FINISHED");
            }
            // the uploaded optimizer is plain SGD: the same path as the built-in one
            List<Double> finals = new java.util.ArrayList<>();
            done.get("run_list").forEach(run -> finals.add(run.get("final").get("final_loss").asDouble()));
            assertThat(finals.get(0)).isCloseTo(finals.get(1), org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test void badJarsAreRefusedWithTheReasonAndNothingChanges() throws Exception {
        try (ServerFixture f = new ServerFixture(tmp)) {
            int before = ServerFixture.json(f.get("/api/v1/plugins")).get("installed").size();
            Path corrupt = Files.createDirectories(tmp.resolve("bad")).resolve("corrupt.jar");
            Files.write(corrupt, new byte[] {'P', 'K', 3, 4, 'n', 'o', 't', ' ', 'a', ' ', 'j', 'a', 'r'});
            HttpResponse<String> r = upload(f, corrupt, "corrupt.jar", null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
            JsonNode e = ServerFixture.json(r);
            assertThat(e.get("error").asText()).isEqualTo("plugin_refused");
            assertThat(e.get("detail").asText()).isNotBlank();

            Path newer = optimizerJar(tmp.resolve("build"), "too-new", "1.0.0", "up2", "too_new_sgd", "Plugin-Requires", ">=99.0.0");
            r = upload(f, newer, "too-new-1.0.0.jar", null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
            assertThat(ServerFixture.json(r).get("detail").asText()).contains("Plugin-Requires");

            // not a jar name, wrong content type, empty body
            assertThat(upload(f, newer, "notes.txt", null).statusCode()).isEqualTo(400);
            assertThat(f.post("/api/v1/plugins?filename=x.jar", "text/plain", "hello").statusCode()).isEqualTo(415);
            assertThat(f.post("/api/v1/plugins?filename=x.jar", "application/java-archive", "").statusCode()).isEqualTo(400);

            assertThat(files(f.userPlugins)).isEmpty();
            JsonNode all = ServerFixture.json(f.get("/api/v1/plugins"));
            assertThat(all.get("installed").size()).isEqualTo(before);
            assertThat(all.get("extensions").get("optimizer").toString()).doesNotContain("too_new_sgd");
            assertThat(f.post("/api/v1/experiments?dry_run=true", "application/yaml", """
                name: x
                problem: slow_bowl
                compare: [{optimizer: too_new_sgd}]
                """).statusCode()).isEqualTo(400);
        }
    }

    @Test void pathTraversalInTheFileNameIsSanitised() throws Exception {
        try (ServerFixture f = new ServerFixture(tmp)) {
            Path jar = optimizerJar(tmp.resolve("build"), "traversal", "1.0.0", "up3", "traversal_sgd");
            HttpResponse<String> r = upload(f, jar, "../../evil name.jar", null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            assertThat(ServerFixture.json(r).get("file").asText()).isEqualTo("evil_name.jar");
            assertThat(files(f.userPlugins)).containsExactly("evil_name.jar");
            assertThat(Files.exists(tmp.resolve("evil name.jar"))).isFalse();
            assertThat(Files.exists(tmp.getParent().resolve("evil name.jar"))).isFalse();
        }
    }

    @Test void beyondLoopbackAnUploadNeedsTheToken() throws Exception {
        try (ServerFixture f = new ServerFixture(tmp, "0.0.0.0", "s3cret")) {
            Path jar = optimizerJar(tmp.resolve("build"), "guarded", "1.0.0", "up4", "guarded_sgd");
            assertThat(upload(f, jar, "guarded.jar", null).statusCode()).isEqualTo(401);
            assertThat(upload(f, jar, "guarded.jar", "wrong").statusCode()).isEqualTo(401);
            assertThat(files(f.userPlugins)).isEmpty();
            HttpResponse<String> ok = upload(f, jar, "guarded.jar", "s3cret");
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
            // the listing is open, like every GET
            assertThat(installed(f, "guarded")).isNotNull();
        }
    }
}
