package io.adalab.server.cli.bench;

import io.adalab.api.Buffers;
import io.adalab.api.Hyperparameters;
import io.adalab.api.Optimizer;
import io.adalab.api.ParameterGroup;
import io.adalab.api.UpdateRule;
import io.adalab.api.Vec;
import io.adalab.core.Workbench;
import io.adalab.core.plugin.ExtensionKind;
import io.adalab.core.plugin.PluginRegistry;
import io.adalab.testkit.SimpleStepContext;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * {@code adalab bench step}: the time of one optimizer step on large float32 vectors, against the
 * machine's memory bandwidth and against DL4J's native updater for the same method.
 *
 * <p>In one run, for every size: a STREAM-like triad {@code a[i] = b[i] + s*c[i]} on {@code float[]}
 * (the bandwidth a single-threaded Java loop reaches), then every optimizer from the registry with
 * its schema defaults, stepped through the real API ({@link Buffers}, {@link UpdateRule#step} with a
 * {@link SimpleStepContext} advanced per step), then DL4J's updater where DL4J has the method
 * ({@code applyUpdater} + {@code params.subi(update)}, as DL4J trains). Each measurement: warm-up
 * steps (at least {@code warmup}, and on for a quarter second so the JIT has compiled the step loop),
 * then the median of the timed repetitions. An optimizer step is memory-bound, so the yardstick
 * is the bandwidth bound: bytes a step must move divided by the triad's GB/s.
 *
 * <p>Bytes per parameter are the minimum the method must move in float32: every vector it reads
 * (params, gradient, state) and every vector it writes, 4 bytes each; e.g. Adam 28 B = read p, g, m, v
 * and write p, m, v. DL4J's rows use the same count (its updater also rewrites the gradient, so it
 * actually moves more). The triad counts 16 B per element: STREAM's 12 plus the write-allocate read
 * (see {@link Triad}). The triad runs at every size, and again at the largest size at the end; the
 * bound uses the better largest-size figure (smaller sizes may run from cache and beat it).
 *
 * <p>Runs methods one after another and drops each one's vectors before the next (1e7 floats are
 * 40 MB per vector). Not thread-safe; set {@code OMP_NUM_THREADS} (STACK.md) before the JVM starts.
 */
public final class StepBenchmark {
    private static final long SEED = 20240229L;

    /** Known minimum bytes per parameter of the built-in methods' default configurations. */
    private static final Map<String, Integer> BYTES = Map.of(
        "adam", 28, "adamw", 28, "adagrad", 20, "rmsprop", 20, "lion", 20, "sgd", 12);

    private StepBenchmark() {
    }

    /**
     * What to measure.
     *
     * @param sizes       parameter counts (float32), each at least 1
     * @param optimizers  optimizer ids in the registry
     * @param repetitions timed steps per measurement (the median is reported), at least 1
     * @param warmup      untimed steps before them, at least 0; if positive, warm-up also lasts at least 0.25 s
     */
    public record Options(List<Integer> sizes, List<String> optimizers, int repetitions, int warmup) {
        public Options {
            sizes = List.copyOf(sizes);
            optimizers = List.copyOf(optimizers);
            if (sizes.isEmpty() || optimizers.isEmpty()) {
                throw new IllegalArgumentException("need at least one size and one optimizer");
            }
            for (int n : sizes) {
                if (n < 1) {
                    throw new IllegalArgumentException("size must be at least 1: " + n);
                }
            }
            if (repetitions < 1 || warmup < 0) {
                throw new IllegalArgumentException("repetitions must be >= 1 and warmup >= 0");
            }
        }

        /** Adam, AdamW, AdaGrad, RMSprop and Lion on 1e6 and 1e7 parameters; 20 repetitions after 5 warm-up steps. */
        public static Options defaults() {
            return new Options(List.of(1_000_000, 10_000_000), List.of("adam", "adamw", "adagrad", "rmsprop", "lion"),
                20, 5);
        }
    }

    /** One measured row. */
    record Row(String method, String impl, int size, int bytesPerParam, Timing timing) {
        double gbs() {
            return timing.gbPerSecond((double) bytesPerParam * size);
        }

        /** Median time over the time {@code bytes} take at {@code bandwidthGbs}. */
        double xBound(double bandwidthGbs) {
            return bandwidthGbs / gbs();
        }
    }

    /**
     * Runs the benchmark and prints progress lines, then the table, to {@code out}.
     *
     * @throws IllegalArgumentException if an optimizer id is not in the registry (before anything runs)
     */
    public static void run(PluginRegistry registry, Options options, PrintWriter out) {
        Map<String, Optimizer> optimizers = new LinkedHashMap<>();
        for (String id : options.optimizers()) {
            Optional<Optimizer> o = registry.extension(ExtensionKind.OPTIMIZER, id);
            optimizers.put(id, o.orElseThrow(() -> new IllegalArgumentException(
                "unknown optimizer '" + id + "'; known: " + String.join(", ", registry.ids(ExtensionKind.OPTIMIZER)))));
        }
        double loadBefore = load();
        Workbench.initNd4j();
        String omp = System.getenv("OMP_NUM_THREADS");
        out.printf(Locale.ROOT, "step benchmark: float32, median of %d steps after >= %d warm-up steps; Java %s, %d cores, OMP_NUM_THREADS=%s%n",
            options.repetitions(), options.warmup(), Runtime.version(), Runtime.getRuntime().availableProcessors(),
            omp == null ? "(unset)" : omp);
        if (omp == null) {
            out.println("warning: OMP_NUM_THREADS is not set; ND4J's OpenMP threads may slow DL4J's updater many-fold (STACK.md)");
        }
        out.flush();

        List<Row> rows = new ArrayList<>();
        List<Integer> sizes = options.sizes().stream().distinct().sorted().toList();
        int largest = sizes.get(sizes.size() - 1);
        Map<Integer, Timing> triads = new LinkedHashMap<>();
        for (int n : sizes) {
            triads.put(n, Triad.measure(n, options.repetitions(), options.warmup()));
            System.gc();
        }
        for (int n : sizes) {
            Row triadRow = new Row("triad", "stream", n, Triad.BYTES_PER_ELEMENT, triads.get(n));
            rows.add(triadRow);
            progress(out, triadRow);
            for (Map.Entry<String, Optimizer> e : optimizers.entrySet()) {
                String id = e.getKey();
                Hyperparameters h = e.getValue().schema().resolve(Map.of());
                Row ours = ours(id, e.getValue().create(h), h, n, options);
                rows.add(ours);
                progress(out, ours);
                System.gc();
                Optional<IUpdater> dl4j = Dl4jStep.config(id, h);
                if (dl4j.isPresent()) {
                    Timing t = Dl4jStep.measure(dl4j.get(), n, options.repetitions(), options.warmup(), SEED);
                    Row row = new Row(id, "dl4j", n, ours.bytesPerParam(), t);
                    rows.add(row);
                    progress(out, row);
                    System.gc();
                }
            }
        }
        // The bandwidth again at the end: the machine may be shared; the bound uses the better of the two.
        Row again = new Row("triad", "stream", largest, Triad.BYTES_PER_ELEMENT,
            Triad.measure(largest, options.repetitions(), options.warmup()));
        progress(out, again);
        Row first = rows.stream().filter(r -> r.impl().equals("stream") && r.size() == largest).findFirst().orElseThrow();
        double bw = Math.max(first.gbs(), again.gbs());
        out.printf(Locale.ROOT, "memory bandwidth (triad on %s floats, 16 B/element): %.2f GB/s at start, %.2f at end;"
                + " bound uses %.2f GB/s (STREAM's 12 B count: %.2f GB/s)%n", Table.size(largest), first.gbs(), again.gbs(), bw,
            bw * Triad.STREAM_BYTES_PER_ELEMENT / Triad.BYTES_PER_ELEMENT);
        out.printf(Locale.ROOT, "system load average: %.2f at start, %.2f at end%n", loadBefore, load());
        out.println();
        print(rows, bw, out);
        out.flush();
    }

    private static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static Row ours(String id, UpdateRule rule, Hyperparameters h, int n, Options o) {
        Vec p = Vec.of(Inputs.values(n, SEED, 1.0f));
        Vec g = Vec.of(Inputs.values(n, SEED + 1, 0.1f));
        Buffers b = Buffers.allocate(rule, p, g, List.of(ParameterGroup.of("w", 0, n)));
        rule.initialize(b);
        SimpleStepContext ctx = new SimpleStepContext(h.has("lr") ? h.real("lr") : 1e-3, SEED);
        Timing.warmUp(() -> rule.step(b, ctx.next()), o.warmup());
        long[] t = new long[o.repetitions()];
        for (int r = 0; r < t.length; r++) {
            ctx.next();
            long t0 = System.nanoTime();
            rule.step(b, ctx);
            t[r] = System.nanoTime() - t0;
        }
        if (!Double.isFinite(p.get(0)) || !Double.isFinite(p.get(n - 1))) {
            throw new IllegalStateException(id + " produced a non-finite parameter in the benchmark");
        }
        return new Row(id, "adalab", n, bytesPerParam(id, rule), Timing.of(t));
    }

    /** Minimum bytes per float32 parameter: the known figure, else read p, g, slots and write p, slots. */
    static int bytesPerParam(String id, UpdateRule rule) {
        Integer known = BYTES.get(id);
        return known != null ? known : 4 * (3 + 2 * rule.slots());
    }

    private static void progress(PrintWriter out, Row r) {
        out.printf(Locale.ROOT, "  %-10s %-6s %5s  %9s ms/step  %6s GB/s%n", r.method(), r.impl(), Table.size(r.size()),
            Table.fixed(r.timing().medianMs(), 3), Table.fixed(r.gbs(), 2));
        out.flush();
    }

    private static void print(List<Row> rows, double bw, PrintWriter out) {
        Table table = new Table("method", "impl", "size", "B/param", "ms/step", "min ms", "GB/s", "x bound", "DL4J/ours");
        for (Row r : rows) {
            String vsDl4j = "-";
            if (r.impl().equals("adalab")) {
                Optional<Row> d = dl4jRow(rows, r);
                if (d.isPresent()) {
                    vsDl4j = Table.fixed(d.get().timing().medianMs() / r.timing().medianMs(), 2) + "x";
                }
            } else if (r.impl().equals("dl4j")) {
                vsDl4j = "1.00x";
            }
            table.add(r.method(), r.impl(), Table.size(r.size()), Integer.toString(r.bytesPerParam()),
                Table.fixed(r.timing().medianMs(), 3), Table.fixed(r.timing().minMs(), 3), Table.fixed(r.gbs(), 2),
                Table.fixed(r.xBound(bw), 2) + "x", vsDl4j);
        }
        table.print(out);
        out.println();
        out.println("B/param: minimum float32 traffic per parameter (reads + writes of p, g and state; Adam 28 = read p,g,m,v"
            + " + write p,m,v; AdaGrad, RMSprop, Lion 20 = read p,g,s + write p,s); DL4J rows use the same count.");
        out.println("GB/s = B/param * size / median time. x bound = median time / (bytes / memory bandwidth), the"
            + " bandwidth being the triad's at the largest size (smaller sizes may run from cache, below 1x).");
        out.println("DL4J/ours = DL4J's median / ours (above 1: ours is faster). DL4J: applyUpdater(gradient) +"
            + " params.subi(gradient) on off-heap float32 arrays, the gradient restored (untimed) before every step.");
        out.println("triad = a[i] = b[i] + s*c[i] on float[], counted 16 B/element: STREAM's 12 plus the"
            + " write-allocate read of a, which an optimizer step (writing only lines it read) does not pay.");
        goal(rows, bw, out);
    }

    private static Optional<Row> dl4jRow(List<Row> rows, Row r) {
        return rows.stream().filter(x -> x.impl().equals("dl4j") && x.method().equals(r.method()) && x.size() == r.size())
            .findFirst();
    }

    /** The goal for Adam at the largest size: within 1.25x of the bound, at least 4x faster than DL4J. */
    private static void goal(List<Row> rows, double bw, PrintWriter out) {
        int largest = rows.stream().mapToInt(Row::size).max().orElse(0);
        Optional<Row> adam = rows.stream()
            .filter(r -> r.method().equals("adam") && r.impl().equals("adalab") && r.size() == largest).findFirst();
        if (adam.isEmpty()) {
            return;
        }
        Row a = adam.get();
        double x = a.xBound(bw);
        StringBuilder s = new StringBuilder("goal, adam at ").append(Table.size(largest)).append(": ")
            .append(Table.fixed(x, 2)).append("x the bandwidth bound (<= 1.25x: ").append(x <= 1.25 ? "met" : "NOT met").append(")");
        Optional<Row> d = dl4jRow(rows, a);
        if (d.isPresent()) {
            double speedup = d.get().timing().medianMs() / a.timing().medianMs();
            s.append(", ").append(Table.fixed(speedup, 2)).append("x faster than DL4J's Adam (>= 4x: ")
                .append(speedup >= 4 ? "met" : "NOT met").append(")");
        }
        out.println(s);
    }
}
