package io.adalab.server.live;

import io.adalab.core.events.RunEvent;
import io.adalab.core.events.RunStatus;
import io.adalab.core.spec.ExperimentPlan;
import io.adalab.core.store.RunStore;
import io.adalab.server.http.ServerFixture;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Not a test: measures (1) step-to-client latency with 8 runs training and 20 WebSocket clients,
 * from the moment the trainer emits a step to its arrival in each client (one JVM, one clock),
 * first on a cold JVM, then again on the now warm server, with percentiles per second of emission
 * time; and (2) the time to serve a 1M-point series downsampled to 2,000 points over HTTP.
 * System properties: {@code clients} (20), {@code steps} per run (3000), {@code pause} per step in
 * microseconds (2000, so 8 runs emit about 4,000 points a second), {@code window_ms} (1000).
 *
 * <pre>mvn -o -q -pl web test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.adalab.server.live.LiveLatencyBenchmark</pre>
 * Run it from {@code web/} (the plugin jars are found in target/adalab/plugins).
 */
public final class LiveLatencyBenchmark {
    private LiveLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 8;
        int clients = Integer.getInteger("clients", 20);
        int steps = Integer.getInteger("steps", 3000);
        int pauseMicros = Integer.getInteger("pause", 2000);
        Path tmp = Files.createTempDirectory("adalab-bench");
        try (ServerFixture f = new ServerFixture(tmp, null, null, runs)) {
            Map<Long, Long> emitted = new ConcurrentHashMap<>();
            f.workbench.subscribe(e -> {
                if (e instanceof RunEvent.Step s) {
                    emitted.put(s.runId() * 10_000_000L + s.step(), System.nanoTime());
                }
            });
            AtomicReference<Samples> samples = new AtomicReference<>();
            List<LiveProbe> probes = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                LiveProbe p = new LiveProbe(f.server.port(), false);
                p.light = true;
                p.onPoint((run, step, now) -> {
                    Long t0 = emitted.get(run * 10_000_000L + step);
                    Samples into = samples.get();
                    if (t0 != null && into != null) {
                        into.add(t0, now - t0);
                    }
                });
                p.subscribeAndWait("experiments");
                probes.add(p);
            }
            StringBuilder seeds = new StringBuilder();
            for (int i = 1; i <= runs; i++) {
                seeds.append(i == 1 ? "" : ", ").append(i);
            }
            // The first experiment meets a cold JVM (class loading, JIT); the second a server that has been up.
            for (String phase : List.of("cold", "warm")) {
                Samples into = new Samples(runs * steps * clients);
                samples.set(into);
                long id = f.launch("name: latency-" + phase + "\nproblem: {type: slow_bowl, pause_us: " + pauseMicros
                    + "}\ntraining: {steps: " + steps + "}\nseeds: [" + seeds + "]\ncompare: [{optimizer: adam, lr: 0.01}]\n");
                for (LiveProbe p : probes) {
                    p.subscribeAndWait("experiment:" + id);
                }
                f.awaitDone(id);
                Thread.sleep(500);
                samples.set(null);
                into.report(phase + ": " + runs + " runs x " + steps + " steps, " + clients + " clients");
                emitted.clear();
            }
            System.out.printf("  clients received %d frames, %.1f MB; thinned frames: %d, hub dropped steps: %d%n",
                probes.stream().mapToLong(p -> p.frames.get()).sum(), probes.stream().mapToLong(p -> p.chars.get()).sum() / 1e6,
                probes.stream().mapToLong(p -> p.thinnedFrames.size()).sum(), f.server.hub().droppedSteps());
            probes.forEach(LiveProbe::close);

            // a 1M-point series, written through the real writer
            ExperimentPlan plan = f.workbench.planner().plan("name: big\nproblem: slow_bowl\ntraining: {steps: 1000000}\n"
                + "compare: [{optimizer: sgd}]\n", false);
            RunStore.CreatedExperiment ce = f.workbench.store().create(plan);
            long run = ce.runIds().get(0);
            f.workbench.writer().onEvent(new RunEvent.Started(run, List.of("loss"), 2, 1_000_000));
            java.util.SplittableRandom rnd = new java.util.SplittableRandom(42);
            for (int s = 1; s <= 1_000_000; s++) {
                double v = 10.0 / Math.sqrt(s) * (1 + 0.1 * rnd.nextGaussian()) + (s % 100_000 == 0 ? 50 : 0);
                f.workbench.writer().onEvent(new RunEvent.Step(run, s, 0, s * 1e-4, new double[] {v}));
            }
            f.workbench.writer().onEvent(new RunEvent.Status(run, RunStatus.FINISHED, "", Map.of("steps", 1e6)));
            f.workbench.writer().flush();
            double[] ms = new double[21];
            int size = 0;
            for (int i = 0; i < ms.length; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = f.get("/api/v1/runs/" + run + "/series?name=loss&points=2000");
                ms[i] = (System.nanoTime() - t0) / 1e6;
                size = r.body().length();
            }
            double first = ms[0];
            double[] warm = Arrays.copyOfRange(ms, 1, ms.length);
            Arrays.sort(warm);
            System.out.printf("1M-point series -> 2000 points over HTTP: first %.1f ms, then median %.1f ms, max %.1f ms (%d bytes)%n",
                first, warm[warm.length / 2], warm[warm.length - 1], size);
            long t0 = System.nanoTime();
            f.get("/api/v1/runs/" + run + "/series?name=loss&points=2000&smooth=0.9");
            System.out.printf("  with EMA over all 1M raw points: %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        }
        System.exit(0);
    }

    /** Latencies with their emission times, written by the clients' threads. */
    private static final class Samples {
        final long[] emittedAt;
        final long[] latency;
        final AtomicInteger n = new AtomicInteger();

        Samples(int capacity) {
            emittedAt = new long[capacity];
            latency = new long[capacity];
        }

        void add(long t0, long nanos) {
            int i = n.getAndIncrement();
            if (i < latency.length) {
                emittedAt[i] = t0;
                latency[i] = nanos;
            }
        }

        void report(String label) {
            int count = Math.min(n.get(), latency.length);
            long[] l = Arrays.copyOf(latency, count);
            Arrays.sort(l);
            System.out.printf("%s, %d points delivered: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                label, count, l[count / 2] / 1e6, l[(int) (count * 0.99)] / 1e6, l[count - 1] / 1e6);
            long start = Arrays.stream(emittedAt, 0, count).min().orElse(0);
            long window = Long.getLong("window_ms", 1000) * 1_000_000L;
            Map<Long, List<Long>> by = new java.util.TreeMap<>();
            for (int i = 0; i < count; i++) {
                by.computeIfAbsent((emittedAt[i] - start) / window, k -> new ArrayList<>()).add(latency[i]);
            }
            by.forEach((w, list) -> {
                long[] x = list.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf("    emitted at %5.1f s: %7d points  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms%n",
                    w * window / 1e9, x.length, x[x.length / 2] / 1e6, x[(int) (x.length * 0.99)] / 1e6, x[x.length - 1] / 1e6);
            });
        }
    }
}
