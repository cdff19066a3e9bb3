package io.adalab.server.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adalab.core.events.RunEvent;
import io.adalab.core.events.RunListener;
import io.adalab.core.events.RunStatus;
import io.adalab.core.train.Trainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans run events out to WebSocket clients by topic ({@code experiment:<id>}, {@code run:<id>},
 * {@code experiments}, {@code health}, {@code plugins}).
 *
 * <p>The trainer's thread only appends the event to a queue and wakes the hub's own thread, which
 * renders each step once and hands it to every interested {@link LiveClient}. A client has at most
 * one frame in flight; points that arrive meanwhile are coalesced into the next {@code steps}
 * batch, and thinned if too many wait. So a slow or stalled client never slows training or other
 * clients. If the hub itself falls far behind, it drops step events (never status or epoch
 * events) and marks the next points {@code thinned}.
 */
public final class LiveHub implements RunListener, AutoCloseable {
    static final int INBOX_LIMIT = 1_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);
    private static final Pattern TOPIC = Pattern.compile("(experiment|run):\\d{1,18}|experiments|health|plugins");
    private static final long TICK_NANOS = TimeUnit.SECONDS.toNanos(1);
    private final ObjectMapper mapper = new ObjectMapper();
    private final LongUnaryOperator experimentOf;
    private final Supplier<Map<String, Object>> health;
    private final ConcurrentLinkedQueue<Object> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inboxSize = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong stepsSeen = new AtomicLong();
    private final Map<Long, State> runs = new ConcurrentHashMap<>();
    private final Set<LiveClient> clients = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean open = true;
    private long lastTick = System.nanoTime();
    private long nextWake;

    /** Mutable per-run state; written only on the hub's thread, read anywhere. */
    private static final class State {
        final long run;
        volatile long experiment = -1;
        volatile List<String> series = List.of();
        /** Index of the iterate's x in a step's values (y follows), or -1: not a 2-D problem. */
        volatile int iterateAt = -1;
        volatile String status = RunStatus.QUEUED.name();
        volatile long step;
        volatile int epoch;
        volatile long total;
        volatile double loss = Double.NaN;
        volatile double wall;
        volatile boolean gap;

        State(long run) {
            this.run = run;
        }

        RunLive snapshot() {
            return new RunLive(run, experiment, status, step, epoch, total, loss, wall, series);
        }
    }

    /** A message for a topic that is not a run event (experiment created, deleted). */
    private record Announcement(String topic, byte[] json) {
    }

    /**
     * @param experimentOf run id to experiment id (a store lookup; called once per run on the hub's thread)
     * @param health       server figures for {@code health} messages
     */
    public LiveHub(LongUnaryOperator experimentOf, Supplier<Map<String, Object>> health) {
        this.experimentOf = experimentOf;
        this.health = health;
        this.thread = new Thread(this::loop, "adalab-live");
        thread.setDaemon(true);
        thread.start();
    }

    // ---- producers ----------------------------------------------------------------------------

    @Override public void onEvent(RunEvent event) {
        if (event instanceof RunEvent.Step && inboxSize.get() >= INBOX_LIMIT) {
            dropped.incrementAndGet();
            State s = runs.get(event.runId());
            if (s != null) {
                s.gap = true;
            }
            return;
        }
        inbox.add(event);
        inboxSize.incrementAndGet();
        LockSupport.unpark(thread);
    }

    /** Tells the hub which experiment new runs belong to, sparing it a lookup. */
    public void expect(long experimentId, List<Long> runIds) {
        for (long id : runIds) {
            runs.computeIfAbsent(id, State::new).experiment = experimentId;
        }
    }

    /** Sends {@code {"type": type, ...fields}} to the subscribers of {@code topic}. */
    public void announce(String topic, String type, Map<String, Object> fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.putAll(fields);
        inbox.add(new Announcement(topic, Outbox.bytes(write(m))));
        inboxSize.incrementAndGet();
        LockSupport.unpark(thread);
    }

    // ---- clients ------------------------------------------------------------------------------

    /** Registers a connected client. */
    LiveClient connect(String id, LiveClient.Sink sink) {
        LiveClient c = new LiveClient(id, sink, this::wake);
        clients.add(c);
        c.offer(write(Map.of("type", "hello", "protocol", 1,
            "topics", List.of("experiment:<id>", "run:<id>", "experiments", "health", "plugins"))));
        wake();
        return c;
    }

    /** Forgets a client. */
    void disconnect(LiveClient c) {
        clients.remove(c);
    }

    /** Handles a text frame from a client: {@code {"subscribe": [...], "unsubscribe": [...]}}. */
    void receive(LiveClient c, String text) {
        JsonNode n;
        try {
            n = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            error(c, "bad_message", "not JSON: " + e.getOriginalMessage());
            return;
        }
        if (n == null || !n.isObject()) {
            error(c, "bad_message", "send an object such as {\"subscribe\": [\"experiment:1\"]}");
            return;
        }
        List<String> add = topics(c, n.get("subscribe"));
        List<String> remove = topics(c, n.get("unsubscribe"));
        if (add == null || remove == null) {
            return;
        }
        if (add.isEmpty() && remove.isEmpty() && !n.has("ping")) {
            error(c, "bad_message", "expected 'subscribe' or 'unsubscribe' with a list of topics");
            return;
        }
        c.topics().removeAll(remove);
        c.topics().addAll(add);
        List<Map<String, Object>> snapshot = new ArrayList<>();
        for (State s : runs.values()) {
            if (add.contains("run:" + s.run) || add.contains("experiment:" + s.experiment)) {
                snapshot.add(s.snapshot().toMap());
            }
        }
        Map<String, Object> ack = new LinkedHashMap<>();
        ack.put("type", "subscribed");
        ack.put("topics", List.copyOf(c.topics()));
        ack.put("runs", snapshot);
        c.offer(write(ack));
        wake();
    }

    private List<String> topics(LiveClient c, JsonNode list) {
        List<String> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        if (!list.isArray()) {
            error(c, "bad_message", "topics must be a list of strings");
            return null;
        }
        for (JsonNode t : list) {
            if (!t.isTextual() || !TOPIC.matcher(t.asText()).matches()) {
                error(c, "bad_topic", "unknown topic " + t + "; use experiment:<id>, run:<id>, experiments, health or plugins");
                return null;
            }
            out.add(t.asText());
        }
        return out;
    }

    private void error(LiveClient c, String code, String detail) {
        c.offer(write(Map.of("type", "error", "error", code, "detail", detail)));
        wake();
    }

    // ---- queries ------------------------------------------------------------------------------

    /** What the hub knows about a run it has seen since the server started. */
    public Optional<RunLive> live(long runId) {
        State s = runs.get(runId);
        return s == null ? Optional.empty() : Optional.of(s.snapshot());
    }

    /** Whether a run is queued or training here. */
    public boolean active(long runId) {
        State s = runs.get(runId);
        return s != null && !RunStatus.valueOf(s.status).terminal();
    }

    /** Connected clients. */
    public int clientCount() {
        return clients.size();
    }

    /** Per-client figures: id, waiting points, thinnings, frames sent (for tests and the health panel). */
    public List<Map<String, Object>> clientStats() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (LiveClient c : clients) {
            out.add(Map.of("id", c.id(), "backlog", c.backlog(), "thinnings", c.thinnings(), "frames", c.framesSent()));
        }
        return out;
    }

    /** Step events dropped because the hub fell behind (expected 0). */
    public long droppedSteps() {
        return dropped.get();
    }

    // ---- the hub's thread ---------------------------------------------------------------------

    private void wake() {
        LockSupport.unpark(thread);
    }

    private void loop() {
        while (open) {
            try {
                Object o;
                while ((o = inbox.poll()) != null) {
                    inboxSize.decrementAndGet();
                    if (o instanceof RunEvent e) {
                        handle(e);
                    } else if (o instanceof Announcement a) {
                        deliver(a.json(), a.topic());
                    }
                }
                long now = System.nanoTime();
                long due = now + TICK_NANOS / 4;
                for (LiveClient c : clients) {
                    if (c.closed()) {
                        clients.remove(c);
                    } else {
                        long again = c.pump(now);
                        if (again != 0) {
                            due = Math.min(due, again);
                        }
                    }
                }
                nextWake = due;
                if (now - lastTick >= TICK_NANOS) {
                    lastTick = now;
                    tick();
                }
            } catch (RuntimeException e) {
                LOG.warn("live hub: {}", e.toString(), e);
            }
            long wait = nextWake - System.nanoTime();
            if (inbox.isEmpty() && wait > 0) {
                LockSupport.parkNanos(this, wait);
            }
        }
    }

    private State state(long runId) {
        State s = runs.computeIfAbsent(runId, State::new);
        if (s.experiment < 0) {
            try {
                s.experiment = experimentOf.applyAsLong(runId);
            } catch (RuntimeException e) {
                LOG.debug("experiment of run {}: {}", runId, e.toString());
            }
        }
        return s;
    }

    private void handle(RunEvent e) {
        State s = state(e.runId());
        if (e instanceof RunEvent.Step st) {
            stepsSeen.incrementAndGet();
            double[] v = st.values();
            s.step = st.step();
            s.epoch = st.epoch();
            s.wall = st.wallSeconds();
            if (v.length > 0) {
                s.loss = v[0];
            }
            deliverPoint(s, new Point(s.run, st.step(), render(s, st)));
        } else if (e instanceof RunEvent.Started st) {
            s.series = st.series();
            int ix = st.series().indexOf(Trainer.ITERATE_X);
            s.iterateAt = ix >= 0 && ix + 1 < st.series().size() && st.series().get(ix + 1).equals(Trainer.ITERATE_Y) ? ix : -1;
            s.total = st.totalSteps();
            s.status = RunStatus.RUNNING.name();
            Map<String, Object> m = base("started", s);
            m.put("series", st.series());
            m.put("total_steps", st.totalSteps());
            m.put("parameters", st.parameterCount());
            if (st.resumed()) {
                m.put("resumed_after", st.resumedAfter());
            }
            deliver(write(m), "run:" + s.run, "experiment:" + s.experiment);
        } else if (e instanceof RunEvent.Epoch ep) {
            Map<String, Object> m = base("epoch", s);
            m.put("epoch", ep.epoch());
            m.put("step", ep.step());
            m.put("wall", ep.wallSeconds());
            m.put("metrics", finite(ep.metrics()));
            deliver(write(m), "run:" + s.run, "experiment:" + s.experiment);
        } else if (e instanceof RunEvent.Status st) {
            s.status = st.status().name();
            Map<String, Object> m = base("status", s);
            m.put("status", st.status().name());
            m.put("message", st.message());
            m.put("final", finite(st.finalMetrics()));
            deliver(write(m), "run:" + s.run, "experiment:" + s.experiment, "experiments");
        }
    }

    private static Map<String, Object> base(String type, State s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("run", s.run);
        m.put("experiment", s.experiment);
        return m;
    }

    private static Map<String, Object> finite(Map<String, Double> in) {
        Map<String, Object> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, v != null && Double.isFinite(v) ? v : null));
        return out;
    }

    private byte[] render(State s, RunEvent.Step st) {
        List<String> names = s.series;
        double[] v = st.values();
        StringBuilder b = new StringBuilder(48 + v.length * 28);
        b.append("{\"run\":").append(s.run).append(",\"experiment\":").append(s.experiment)
            .append(",\"step\":").append(st.step()).append(",\"epoch\":").append(st.epoch()).append(",\"wall\":");
        JsonText.number(b, st.wallSeconds());
        for (int i = 0; i < v.length && i < names.size(); i++) {
            if (Double.isFinite(v[i])) {
                b.append(',');
                JsonText.string(b, names.get(i));
                b.append(':');
                JsonText.number(b, v[i]);
            }
        }
        int at = s.iterateAt;
        if (at >= 0 && at + 1 < v.length) {
            // the same iterate as iterate_x/iterate_y, as the pair the contour plot draws
            b.append(",\"pos\":[");
            JsonText.number(b, v[at]);
            b.append(',');
            JsonText.number(b, v[at + 1]);
            b.append(']');
        }
        if (s.gap) {
            s.gap = false;
            b.append(",\"gap\":true");
        }
        return Outbox.bytes(b.append('}').toString());
    }

    private void deliverPoint(State s, Point p) {
        String t1 = "run:" + s.run;
        String t2 = "experiment:" + s.experiment;
        for (LiveClient c : clients) {
            if (c.wants(t1) || c.wants(t2)) {
                c.offer(p);
            }
        }
    }

    /** Queues a message once for each client that wants any of the topics. */
    private void deliver(String json, String... topics) {
        deliver(Outbox.bytes(json), topics);
    }

    private void deliver(byte[] json, String... topics) {
        for (LiveClient c : clients) {
            for (String t : topics) {
                if (c.wants(t)) {
                    c.offer(json);
                    break;
                }
            }
        }
    }

    private void tick() {
        boolean wantsHealth = false;
        boolean wantsProgress = false;
        for (LiveClient c : clients) {
            wantsHealth |= c.wants("health");
            wantsProgress |= c.wants("experiments");
        }
        if (wantsHealth) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "health");
            m.putAll(health.get());
            m.put("clients", clients.size());
            m.put("live_queue", inboxSize.get());
            m.put("live_dropped", dropped.get());
            m.put("steps_seen", stepsSeen.get());
            deliver(write(m), "health");
        }
        if (wantsProgress) {
            List<Map<String, Object>> active = new ArrayList<>();
            for (State s : runs.values()) {
                if (!RunStatus.valueOf(s.status).terminal()) {
                    active.add(s.snapshot().toMap());
                }
            }
            if (!active.isEmpty()) {
                deliver(write(Map.of("type", "progress", "runs", active)), "experiments");
            }
        }
        if (runs.size() > 10_000) {
            runs.values().removeIf(s -> RunStatus.valueOf(s.status).terminal());
        }
    }

    private String write(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override public void close() {
        open = false;
        LockSupport.unpark(thread);
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        clients.forEach(LiveClient::close);
        clients.clear();
    }
}
