package io.adalab.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.adalab.server.http.ServerFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveSocketTest {
    static final java.util.Set<String> TERMINAL = java.util.Set.of("FINISHED", "DIVERGED", "FAILED", "CANCELLED", "INTERRUPTED");
    @TempDir Path tmp;
    ServerFixture f;

    @BeforeEach void start() {
        f = new ServerFixture(tmp);
    }

    @AfterEach void stop() {
        f.close();
    }

    private static String bowl(String name, int steps, int pauseMicros) {
        return "name: " + name + "\nproblem: {type: slow_bowl, pause_us: " + pauseMicros + "}\ntraining: {steps: " + steps
            + "}\nseeds: [1, 2]\ncompare: [{optimizer: adam, lr: 0.01}]\n";
    }

    private List<Long> runs(long experiment) {
        List<Long> ids = new ArrayList<>();
        ServerFixture.json(f.get("/api/v1/experiments/" + experiment)).get("run_list").forEach(r -> ids.add(r.get("id").asLong()));
        return ids;
    }

    private static void awaitStatuses(LiveProbe p, List<Long> runs) {
        while (!runs.stream().allMatch(r -> TERMINAL.contains(p.statuses.getOrDefault(r, "")))) {
            LiveProbe.pause();
        }
    }

    @Test void subscriberReceivesEveryStepOnceInOrder() {
        try (LiveProbe p = new LiveProbe(f.server.port(), false)) {
            p.subscribeAndWait("experiments");
            long id = f.launch(bowl("live", 1500, 200));
            p.subscribeAndWait("experiment:" + id);
            List<Long> runs = runs(id);
            awaitStatuses(p, runs);
            for (long run : runs) {
                assertThat(p.statuses.get(run)).isEqualTo("FINISHED");
                List<Long> got = p.steps(run);
                assertThat(got).as("strictly increasing, no duplicates").isSorted().doesNotHaveDuplicates();
                assertThat(got.get(got.size() - 1)).isEqualTo(1500L);
                // history over REST (asked after subscribing) + live = every step, no gap
                JsonNode hist = ServerFixture.json(f.get("/api/v1/runs/" + run + "/series?name=loss&points=100000"));
                TreeSet<Long> union = new TreeSet<>(got);
                hist.get("steps").forEach(s -> union.add(s.asLong()));
                assertThat(union).hasSize(1500);
                assertThat(union.first()).isEqualTo(1L);
            }
            assertThat(p.thinnedFrames).isEmpty();
            assertThat(p.messages.stream().map(m -> m.path("type").asText())).contains("hello", "subscribed", "status");
            // subscribed to both "experiments" and the experiment: each status change still arrives once
            for (long run : runs) {
                assertThat(p.messages.stream().filter(m -> m.path("type").asText().equals("status")
                    && m.path("run").asLong() == run && m.path("status").asText().equals("FINISHED"))).hasSize(1);
            }
        }
    }

    @Test void reconnectingClientContinuesWithoutGapsOrDuplicates() {
        long id = f.launch(bowl("reconnect", 2000, 150));
        List<Long> runs = runs(id);
        long run = runs.get(0);
        TreeSet<Long> seen = new TreeSet<>();
        try (LiveProbe first = new LiveProbe(f.server.port(), false)) {
            first.subscribeAndWait("run:" + run);
            ServerFixture.json(f.get("/api/v1/runs/" + run + "/series?name=loss&points=100000")).get("steps")
                .forEach(s -> seen.add(s.asLong()));
            while (first.steps(run).size() < 50) {
                LiveProbe.pause();
            }
            seen.addAll(first.steps(run));
            assertThat(seen.first()).isEqualTo(1L);
            assertThat(seen).hasSize((int) (seen.last() - seen.first() + 1));
        }
        try (LiveProbe second = new LiveProbe(f.server.port(), false)) {
            second.subscribeAndWait("run:" + run);
            long last = seen.last();
            JsonNode hist = ServerFixture.json(f.get("/api/v1/runs/" + run + "/series?name=loss&from=" + (last + 1)
                + "&points=100000"));
            List<Long> fromRest = new ArrayList<>();
            hist.get("steps").forEach(s -> fromRest.add(s.asLong()));
            assertThat(fromRest).allMatch(s -> s > last);
            awaitStatuses(second, List.of(run));
            List<Long> live = second.steps(run);
            TreeSet<Long> all = new TreeSet<>(seen);
            all.addAll(fromRest);
            long restEnd = fromRest.isEmpty() ? last : fromRest.get(fromRest.size() - 1);
            live.stream().filter(s -> s > restEnd).forEach(all::add);
            assertThat(all).hasSize(2000);
            assertThat(all.first()).isEqualTo(1L);
            assertThat(all.last()).isEqualTo(2000L);
        }
    }

    @Test void stalledClientNeitherSlowsTrainingNorAnotherClient() {
        try (LiveProbe stalled = new LiveProbe(f.server.port(), true);
             LiveProbe fast = new LiveProbe(f.server.port(), false)) {
            stalled.subscribe("experiments");
            fast.subscribeAndWait("experiments");
            // ~200k points of ~700 bytes: far more than socket buffers hold
            long id = f.launch(bowl("flood", 100_000, 0));
            stalled.subscribe("experiment:" + id);
            fast.subscribeAndWait("experiment:" + id);
            List<Long> runs = runs(id);
            awaitStatuses(fast, runs);
            for (long run : runs) {
                assertThat(fast.statuses.get(run)).isEqualTo("FINISHED");
                List<Long> got = fast.steps(run);
                assertThat(got).isSorted().doesNotHaveDuplicates();
                assertThat(got.get(got.size() - 1)).isEqualTo(100_000L);
            }
            JsonNode e = f.awaitDone(id);
            assertThat(e.get("counts").get("FINISHED").asInt()).isEqualTo(2);
            // the stalled client read nothing; its backlog stayed bounded by thinning
            assertThat(stalled.steps).isEmpty();
            List<Map<String, Object>> stats = f.server.hub().clientStats();
            assertThat(stats).allSatisfy(s -> assertThat((Integer) s.get("backlog")).isLessThanOrEqualTo(LiveClient.POINT_CAP));
            assertThat(stats).anySatisfy(s -> assertThat((Long) s.get("thinnings")).isPositive());
            assertThat(f.server.hub().droppedSteps()).isZero();
        }
    }

    @Test void badMessagesGetAnErrorAndTheConnectionStays() {
        try (LiveProbe p = new LiveProbe(f.server.port(), false)) {
            p.subscribe("nonsense");
            while (p.count("error") == 0) {
                LiveProbe.pause();
            }
            p.ws.sendText("{\"subscribe\": [\"bogus:1\"]}", true).join();
            while (p.count("error") < 2) {
                LiveProbe.pause();
            }
            p.subscribeAndWait("health");
            while (p.count("health") == 0) {
                LiveProbe.pause();
            }
            assertThat(p.messages.stream().filter(m -> m.path("type").asText().equals("health")).findFirst().orElseThrow()
                .get("status").asText()).isEqualTo("ok");
        }
    }

    @Test void browsersFromOtherSitesAreRefused() {
        assertThatThrownBy(() -> HttpClient.newHttpClient().newWebSocketBuilder().header("Origin", "http://evil.example")
            .buildAsync(URI.create("ws://127.0.0.1:" + f.server.port() + "/api/v1/live"), new java.net.http.WebSocket.Listener() { })
            .get()).isInstanceOf(ExecutionException.class);
    }
}
