package io.adalab.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adalab.core.Workbench;
import io.adalab.core.plugin.ExtensionKind;
import io.adalab.core.plugin.PluginRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real server on port 0 over a real H2 store in a temp folder, with the built-in plugin jars
 * (copied by the pom into target/adalab/plugins), an empty user plugin folder for uploads, and the
 * test problem {@link SlowBowl}.
 */
public final class ServerFixture implements AutoCloseable {
    /** The built-in plugin jars. */
    public static final Path PLUGINS = Path.of("target", "adalab", "plugins");
    private static final ObjectMapper JSON = new ObjectMapper();
    public final Workbench workbench;
    public final AdalabServer server;
    public final HttpClient http = HttpClient.newHttpClient();
    public final Path experiments;
    /** The user plugin folder (uploads go here; the built-ins stay in {@link #PLUGINS}). */
    public final Path userPlugins;

    public ServerFixture(Path tmp) {
        this(tmp, null, null);
    }

    public ServerFixture(Path tmp, String bind, String token) {
        this(tmp, bind, token, 2);
    }

    public ServerFixture(Path tmp, String bind, String token, int workers) {
        try {
            experiments = Files.createDirectories(tmp.resolve("experiments"));
            userPlugins = Files.createDirectories(tmp.resolve("user-plugins"));
            Files.writeString(experiments.resolve("bowl-quick.yaml"), """
                # Bowl, two optimizers
                # A quick ready-made experiment for tests.
                name: bowl-quick
                problem: slow_bowl
                training: {steps: 200}
                seeds: [1]
                compare:
                  - {optimizer: adam, lr: 0.05}
                  - {optimizer: sgd, lr: 0.01}
                """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PluginRegistry registry = new PluginRegistry();
        registry.register(ExtensionKind.PROBLEM, new SlowBowl());
        workbench = Workbench.open(new Workbench.Settings(tmp.resolve("data"), List.of(PLUGINS, userPlugins), null, workers), registry);
        server = AdalabServer.start(workbench, new ServerOptions(bind, 0, token, experiments, 64 * 1024));
    }

    /** {@code http://127.0.0.1:port} + path. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE().build());
    }

    public HttpResponse<String> send(HttpRequest r) {
        try {
            return http.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Launches YAML and returns the experiment id. */
    public long launch(String yaml) {
        HttpResponse<String> r = post("/api/v1/experiments", "application/yaml", yaml);
        if (r.statusCode() != 201) {
            throw new IllegalStateException("launch failed: " + r.statusCode() + " " + r.body());
        }
        return json(r).get("id").asLong();
    }

    /**
     * Waits until no run of the experiment is queued or running (polling; the guard only stops a
     * hung test, it measures nothing).
     */
    public JsonNode awaitDone(long experimentId) {
        long guard = System.nanoTime() + 600_000_000_000L;
        while (true) {
            JsonNode e = json(get("/api/v1/experiments/" + experimentId));
            String s = e.get("status").asText();
            boolean stored = true;
            for (JsonNode r : e.get("run_list")) {
                stored &= workbench.store().run(r.get("id").asLong()).orElseThrow().status().terminal();
            }
            if (!s.equals("RUNNING") && !s.equals("QUEUED") && stored) {
                // read again: the first view may predate the store's final metrics (the hub reports the end first)
                return json(get("/api/v1/experiments/" + experimentId));
            }
            if (System.nanoTime() > guard) {
                throw new IllegalStateException("experiment " + experimentId + " did not end: " + e);
            }
            sleep(50);
        }
    }

    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override public void close() {
        server.close();
        workbench.close();
    }
}
