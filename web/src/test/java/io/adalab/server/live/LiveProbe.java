package io.adalab.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

/**
 * A real WebSocket client ({@code java.net.http}) that records what it receives: every step point
 * per run in arrival order, statuses, and all messages. A stalled probe never asks for a message
 * after the handshake, so the server's writes back up into the socket.
 */
final class LiveProbe implements WebSocket.Listener, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    final Map<Long, List<Long>> steps = new ConcurrentHashMap<>();
    final Map<Long, String> statuses = new ConcurrentHashMap<>();
    final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    final List<Long> thinnedFrames = new CopyOnWriteArrayList<>();
    private final boolean stalled;
    private final StringBuilder partial = new StringBuilder();
    /** Characters and frames received (benchmark figures). */
    final java.util.concurrent.atomic.AtomicLong chars = new java.util.concurrent.atomic.AtomicLong();
    final java.util.concurrent.atomic.AtomicLong frames = new java.util.concurrent.atomic.AtomicLong();
    private volatile PointSink onPoint = (run, step, nanos) -> { };

    /** Receives each point with its arrival time. */
    interface PointSink {
        void point(long run, long step, long nanos);
    }
    final WebSocket ws;

    LiveProbe(int port, boolean stalled) {
        this.stalled = stalled;
        try {
            ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/v1/live"), this).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Called with each point and its arrival time (nanoTime); set before subscribing. */
    void onPoint(PointSink c) {
        onPoint = c;
    }

    void subscribe(String... topics) {
        try {
            ws.sendText(JSON.writeValueAsString(Map.of("subscribe", List.of(topics))), true).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Subscribes and waits for the server's acknowledgement. */
    void subscribeAndWait(String... topics) {
        int before = count("subscribed");
        subscribe(topics);
        while (count("subscribed") == before) {
            pause();
        }
    }

    int count(String type) {
        return (int) messages.stream().filter(m -> type.equals(m.path("type").asText())).count();
    }

    @Override public void onOpen(WebSocket webSocket) {
        if (!stalled) {
            webSocket.request(1);
        }
    }

    @Override public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        // data.toString() copies in bulk; StringBuilder.append(CharSequence) copies a CharBuffer
        // char by char, which, when not yet compiled, made this client the benchmark's bottleneck.
        partial.append(data.toString());
        chars.addAndGet(data.length());
        if (last) {
            frames.incrementAndGet();
            long now = System.nanoTime();
            if (light && partial.indexOf("\"type\":\"step") >= 0) {
                scan(partial, now);
                partial.setLength(0);
                webSocket.request(1);
                return null;
            }
            try {
                handle(JSON.readTree(partial.toString()), now);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    private void handle(JsonNode m, long now) {
        String type = m.path("type").asText();
        if (type.equals("step")) {
            point(m, now);
        } else if (type.equals("steps")) {
            if (m.get("thinned").asBoolean()) {
                thinnedFrames.add(now);
            }
            for (JsonNode p : m.get("points")) {
                point(p, now);
            }
        } else {
            if (type.equals("status")) {
                statuses.put(m.get("run").asLong(), m.get("status").asText());
            }
            messages.add(m);
        }
    }

    /** Benchmark mode: only run and step of each point, found by scanning (no JSON tree). */
    volatile boolean light;

    private void scan(CharSequence text, long now) {
        String t = text.toString();
        int i = 0;
        while ((i = t.indexOf("{\"run\":", i)) >= 0) {
            i += 7;
            long run = number(t, i);
            int s = t.indexOf("\"step\":", i) + 7;
            onPoint.point(run, number(t, s), now);
        }
    }

    private static long number(String t, int at) {
        long v = 0;
        for (int k = at; k < t.length() && Character.isDigit(t.charAt(k)); k++) {
            v = v * 10 + (t.charAt(k) - '0');
        }
        return v;
    }

    private void point(JsonNode p, long now) {
        long run = p.get("run").asLong();
        long step = p.get("step").asLong();
        steps.computeIfAbsent(run, k -> new CopyOnWriteArrayList<>()).add(step);
        onPoint.point(run, step, now);
    }

    List<Long> steps(long run) {
        return new ArrayList<>(steps.getOrDefault(run, List.of()));
    }

    static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override public void close() {
        ws.abort();
    }
}
