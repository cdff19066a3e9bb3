package io.adalab.core.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Reads and checks the {@code sweep:} block of a spec; every problem names its field. */
final class SweepParser {
    private final BiFunction<String, String, SpecException> error;

    SweepParser(BiFunction<String, String, SpecException> error) {
        this.error = error;
    }

    Sweep parse(Object raw) {
        if (!(raw instanceof Map<?, ?> m)) {
            throw error.apply("sweep", "'sweep' must be a mapping with 'parameters', e.g. {method: grid, parameters: {lr: [0.01, 0.1]}}");
        }
        for (Object k : m.keySet()) {
            if (!Sweep.KEYS.contains(String.valueOf(k))) {
                throw error.apply("sweep." + k, "unknown key '" + k + "'; allowed: " + String.join(", ", Sweep.KEYS.stream().sorted().toList()));
            }
        }
        String method = m.get("method") == null ? "grid" : String.valueOf(m.get("method"));
        if (!method.equals("grid") && !method.equals("random")) {
            throw error.apply("sweep.method", "'method' is '" + method + "', must be grid or random");
        }
        boolean random = method.equals("random");
        int samples = positive("sweep.samples", m.get("samples"), random ? 10 : 1);
        long seed = m.get("seed") instanceof Number n ? n.longValue() : 0;
        Integer maxRuns = m.get("max_runs") == null ? null : positive("sweep.max_runs", m.get("max_runs"), 1);
        Integer maxParallel = m.get("max_parallel") == null ? null : positive("sweep.max_parallel", m.get("max_parallel"), 1);
        if (!(m.get("parameters") instanceof Map<?, ?> ps) || ps.isEmpty()) {
            throw error.apply("sweep.parameters", "'parameters' is required: e.g. {lr: [0.001, 0.01]} or {lr: {log_uniform: [1e-4, 1e-1]}}");
        }
        List<Sweep.Param> params = new ArrayList<>();
        for (Map.Entry<?, ?> e : ps.entrySet()) {
            params.add(param(String.valueOf(e.getKey()), e.getValue(), random));
        }
        EarlyStopping early = m.get("early_stopping") == null ? null : early(m.get("early_stopping"));
        return new Sweep(random, samples, seed, maxRuns, maxParallel, params, early);
    }

    private Sweep.Param param(String path, Object v, boolean random) {
        String f = "sweep.parameters." + path;
        int dot = path.indexOf('.');
        if (dot >= 0 && !Sweep.PREFIXES.contains(path.substring(0, dot))) {
            throw error.apply(f, "'" + path + "': a parameter is a bare optimizer hyperparameter or starts with one of "
                + String.join(", ", Sweep.PREFIXES.stream().sorted().toList()) + " and a dot");
        }
        if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                throw error.apply(f, "'" + path + "' lists no values");
            }
            return new Sweep.Param(path, List.copyOf(l), null, 0, 0);
        }
        if (v instanceof Map<?, ?> d && d.size() == 1) {
            String dist = String.valueOf(d.keySet().iterator().next());
            if (!List.of("uniform", "log_uniform", "int_uniform").contains(dist)) {
                throw error.apply(f, "unknown distribution '" + dist + "'; use uniform, log_uniform or int_uniform: [low, high]");
            }
            if (!random) {
                throw error.apply(f, "a grid sweep needs a list of values; '" + dist + "' needs method: random");
            }
            if (!(d.get(dist) instanceof List<?> b) || b.size() != 2 || !(b.get(0) instanceof Number lo0) || !(b.get(1) instanceof Number hi0)) {
                throw error.apply(f, "'" + dist + "' needs [low, high], two numbers");
            }
            double lo = lo0.doubleValue();
            double hi = hi0.doubleValue();
            if (!(lo < hi)) {
                throw error.apply(f, "'" + dist + "' bounds must satisfy low < high, got [" + lo + ", " + hi + "]");
            }
            if (dist.equals("log_uniform") && lo <= 0) {
                throw error.apply(f, "'log_uniform' needs a positive low bound, got " + lo);
            }
            return new Sweep.Param(path, null, dist, lo, hi);
        }
        throw error.apply(f, "'" + path + "' must be a list of values or {uniform|log_uniform|int_uniform: [low, high]}");
    }

    private EarlyStopping early(Object raw) {
        if (!(raw instanceof Map<?, ?> m)) {
            throw error.apply("sweep.early_stopping", "'early_stopping' must be a mapping such as {metric: test_loss, mode: min}");
        }
        String metric = m.get("metric") == null ? "test_loss" : String.valueOf(m.get("metric"));
        String mode = m.get("mode") == null ? (metric.contains("accuracy") ? "max" : "min") : String.valueOf(m.get("mode"));
        if (!mode.equals("min") && !mode.equals("max")) {
            throw error.apply("sweep.early_stopping.mode", "'mode' is '" + mode + "', must be min or max");
        }
        int minEpochs = positive("sweep.early_stopping.min_epochs", m.get("min_epochs"), 1);
        int eta = positive("sweep.early_stopping.reduction_factor", m.get("reduction_factor"), 3);
        if (eta < 2) {
            throw error.apply("sweep.early_stopping.reduction_factor", "'reduction_factor' must be >= 2");
        }
        return new EarlyStopping(metric, mode.equals("min"), minEpochs, eta);
    }

    private int positive(String field, Object v, int def) {
        if (v == null) {
            return def;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.intValue() < 1) {
            throw error.apply(field, "'" + field.substring(field.lastIndexOf('.') + 1) + "' is " + v + ", must be an integer >= 1");
        }
        return n.intValue();
    }
}
