package io.adalab.core.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The {@code sweep:} block: which hyperparameters vary, how points are chosen (grid or seeded
 * random sampling), the budget, and optional early stopping. A parameter path is a bare
 * optimizer hyperparameter ({@code lr}) or prefixed with {@code optimizer.}, {@code schedule.},
 * {@code model.}, {@code dataset.}, {@code problem.} or {@code training.}.
 *
 * <pre>{@code
 * sweep:
 *   method: random            # or grid (every combination of the value lists)
 *   samples: 12
 *   seed: 0
 *   max_runs: 100
 *   max_parallel: 2
 *   parameters:
 *     lr: {log_uniform: [1e-4, 1e-1]}
 *     momentum: [0.0, 0.9]              # a list: grid values, or a uniform choice when random
 *     training.batch_size: [32, 64]
 *   early_stopping: {metric: test_loss, mode: min, min_epochs: 1, reduction_factor: 3}
 * }</pre>
 */
final class Sweep {
    static final Set<String> KEYS = Set.of("method", "samples", "seed", "max_runs", "max_parallel", "parameters", "early_stopping");
    static final Set<String> PREFIXES = Set.of("optimizer", "schedule", "model", "dataset", "problem", "training");

    /** One varied parameter: a list of values, or a distribution between bounds. */
    record Param(String path, List<Object> values, String distribution, double lo, double hi) {
        String target() {
            int dot = path.indexOf('.');
            return dot < 0 ? "optimizer" : path.substring(0, dot);
        }

        String key() {
            int dot = path.indexOf('.');
            return dot < 0 ? path : path.substring(dot + 1);
        }
    }

    final boolean random;
    final int samples;
    final long seed;
    final Integer maxRuns;
    final Integer maxParallel;
    final List<Param> params;
    final EarlyStopping early;

    Sweep(boolean random, int samples, long seed, Integer maxRuns, Integer maxParallel, List<Param> params, EarlyStopping early) {
        this.random = random;
        this.samples = samples;
        this.seed = seed;
        this.maxRuns = maxRuns;
        this.maxParallel = maxParallel;
        this.params = List.copyOf(params);
        this.early = early;
    }

    /** The points, each an ordered map path → value; grid order is lexicographic in declaration order. */
    List<Map<String, Object>> points() {
        List<Map<String, Object>> out = new ArrayList<>();
        if (!random) {
            out.add(new LinkedHashMap<>());
            for (Param p : params) {
                List<Map<String, Object>> next = new ArrayList<>();
                for (Map<String, Object> partial : out) {
                    for (Object v : p.values()) {
                        Map<String, Object> m = new LinkedHashMap<>(partial);
                        m.put(p.path(), v);
                        next.add(m);
                    }
                }
                out = next;
            }
            return out;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        Set<Map<String, Object>> seen = new LinkedHashSet<>();
        for (int i = 0; i < samples; i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Param p : params) {
                m.put(p.path(), draw(p, rnd));
            }
            seen.add(m);
        }
        out.addAll(seen);
        return out;
    }

    private static Object draw(Param p, SplittableRandom rnd) {
        if (p.values() != null) {
            return p.values().get(rnd.nextInt(p.values().size()));
        }
        double u = rnd.nextDouble();
        return switch (p.distribution()) {
            case "log_uniform" -> Math.exp(Math.log(p.lo()) + u * (Math.log(p.hi()) - Math.log(p.lo())));
            case "int_uniform" -> (long) Math.floor(p.lo() + u * (p.hi() - p.lo() + 1));
            default -> p.lo() + u * (p.hi() - p.lo());
        };
    }

    /** A compact description of a point for labels, e.g. {@code lr=0.0031 training.batch_size=64}. */
    static String describe(Map<String, Object> point) {
        StringBuilder s = new StringBuilder();
        point.forEach((k, v) -> s.append(s.length() == 0 ? "" : " ").append(k).append('=')
            .append(Labels.value(v)));
        return s.toString();
    }
}
