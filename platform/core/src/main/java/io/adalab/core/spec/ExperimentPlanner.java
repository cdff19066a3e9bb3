package io.adalab.core.spec;

import io.adalab.api.Component;
import io.adalab.api.DatasetProvider;
import io.adalab.api.HyperparameterException;
import io.adalab.api.Hyperparameters;
import io.adalab.api.LearningRateSchedule;
import io.adalab.api.ModelFactory;
import io.adalab.api.Objective;
import io.adalab.api.Optimizer;
import io.adalab.api.OptimizerResolver;
import io.adalab.api.ResolvedOptimizer;
import io.adalab.core.plugin.ExtensionKind;
import io.adalab.core.plugin.PluginRegistry;
import io.adalab.core.plugin.Registered;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates an experiment spec against the loaded plugins' schemas and expands it into runs
 * (every {@code compare} entry x every seed). Nothing runs and nothing is stored before a spec
 * passes; the first problem found is reported as a {@link SpecException} naming field and line.
 *
 * <pre>{@code
 * name: quickstart
 * dataset: digits                     # or {type: digits, test_fraction: 0.2}
 * model: {type: mlp, hidden: [64]}
 * training: {epochs: 5, batch_size: 32}
 * seeds: [1, 2]
 * compare:
 *   - optimizer: adam
 *     lr: 0.001
 *     schedule: {type: step, step_size: 100, gamma: 0.5, warmup_steps: 10}
 * }</pre>
 * Analytic problems replace {@code dataset} and {@code model} with {@code problem:}.
 */
public final class ExperimentPlanner {
    private static final Set<String> TOP = Set.of("name", "description", "dataset", "model", "problem",
        "training", "seeds", "compare", "sweep", "lr_range_test");
    private static final io.adalab.api.HyperparameterSchema RANGE = io.adalab.api.HyperparameterSchema.builder()
        .real("min_lr", 1e-7).positive().logScale().help("first learning rate of the ramp")
        .real("max_lr", 10.0).positive().logScale().help("last learning rate of the ramp")
        .integer("steps", 100).min(10).help("steps of the ramp")
        .real("smoothing", 0.98).range(0, 0.999).help("EMA factor of the loss smoothing")
        .real("stop_factor", 4.0).above(1).help("cut the curve where the smoothed loss exceeds this factor x its minimum")
        .build();
    private final PluginRegistry registry;

    public ExperimentPlanner(PluginRegistry registry) {
        this.registry = registry;
    }

    /** Parses and plans YAML (or JSON when {@code json}). */
    public ExperimentPlan plan(String text, boolean json) {
        LocatedTree tree = LocatedTree.parse(text, json);
        return new Pass(tree, text).plan();
    }

    private final class Pass {
        private final LocatedTree tree;
        private final String text;

        Pass(LocatedTree tree, String text) {
            this.tree = tree;
            this.text = text;
        }

        SpecException error(String field, String message) {
            return new SpecException(field, tree.lineOf(field), message);
        }

        ExperimentPlan plan() {
            if (!(tree.root() instanceof Map<?, ?> rootRaw)) {
                throw error("", "an experiment must be a mapping with keys " + String.join(", ", sorted(TOP)));
            }
            Map<String, Object> root = cast(rootRaw);
            for (String k : root.keySet()) {
                if (!TOP.contains(k)) {
                    throw error(k, "unknown key '" + k + "'; allowed: " + String.join(", ", sorted(TOP)));
                }
            }
            Object nameRaw = root.get("name");
            if (!(nameRaw instanceof String name) || name.isBlank()) {
                throw error("name", "'name' is required: a non-empty string");
            }
            String description = root.get("description") instanceof String d ? d : "";
            boolean isProblem = root.containsKey("problem");
            if (isProblem && (root.containsKey("dataset") || root.containsKey("model"))) {
                throw error("problem", "use either 'problem' or 'dataset' + 'model', not both");
            }
            if (!isProblem && !root.containsKey("dataset")) {
                throw error("dataset", "'dataset' is required (or 'problem' for an analytic problem); known datasets: "
                    + String.join(", ", registry.ids(ExtensionKind.DATASET)));
            }
            if (!isProblem && !root.containsKey("model")) {
                throw error("model", "'model' is required, e.g. {type: mlp}; known models: "
                    + String.join(", ", registry.ids(ExtensionKind.MODEL)));
            }
            List<Long> seeds = seeds(root.get("seeds"));
            Object compareRaw = root.get("compare");
            if (!(compareRaw instanceof List<?> compare) || compare.isEmpty()) {
                throw error("compare", "'compare' is required: a non-empty list of optimizer configurations, "
                    + "e.g. [{optimizer: adam, lr: 0.001}]");
            }
            LrRangeTest range = root.containsKey("lr_range_test") ? rangeTest(root.get("lr_range_test")) : null;
            Sweep sweep = root.containsKey("sweep") ? new SweepParser(this::error).parse(root.get("sweep")) : null;
            if (sweep != null) {
                checkSweepTargets(sweep, compare, isProblem);
            }
            List<Map<String, Object>> points = sweep == null ? List.of(Map.of()) : sweep.points();

            List<RunSpec> runs = new ArrayList<>();
            java.util.Set<List<Object>> seen = new java.util.HashSet<>();
            int config = 0;
            for (Map<String, Object> point : points) {
                Map<String, Map<String, Object>> by = byTarget(point);
                Resolved<Objective> problem = null;
                Resolved<DatasetProvider> dataset = null;
                Resolved<ModelFactory> model = null;
                TrainingConfig training;
                try {
                    if (isProblem) {
                        problem = component(ExtensionKind.PROBLEM, "problem", merged(root.get("problem"), by.get("problem")));
                    } else {
                        dataset = component(ExtensionKind.DATASET, "dataset", merged(root.get("dataset"), by.get("dataset")));
                        model = component(ExtensionKind.MODEL, "model", merged(root.get("model"), by.get("model")));
                    }
                    training = training(merged(root.get("training"), rangeTraining(range, by.get("training"))), isProblem, range != null);
                } catch (SpecException e) {
                    throw inPoint(e, point);
                }
                for (int c = 0; c < compare.size(); c++) {
                  String field = "compare[" + c + "]";
                  for (Map<String, Object> local : localSweep(field, compare.get(c))) {
                    Map<String, Object> merged = new LinkedHashMap<>(point);
                    merged.putAll(local);
                    Map<String, Object> applied = new LinkedHashMap<>();
                    Object entryRaw = entryWith(field, withoutSweep(compare.get(c)), merged, applied, range);
                    if (!seen.add(List.of(c, applied))) {
                        continue; // this point changes nothing this entry uses: already planned
                    }
                    Entry e;
                    try {
                        e = entry(field, entryRaw);
                    } catch (SpecException ex) {
                        throw inPoint(ex, point);
                    }
                    // optimizer values already show in the entry's label; add the rest of the point
                    Map<String, Object> rest = new LinkedHashMap<>(applied);
                    rest.keySet().removeIf(k -> !k.contains(".") || k.startsWith("optimizer."));
                    String label = rest.isEmpty() ? e.label : e.label + " " + Sweep.describe(rest);
                    for (long seed : seeds) {
                        runs.add(new RunSpec(name, runs.size(), config, label, seed, e.optimizer, e.schedule, e.warmup,
                            dataset, model, problem, training, applied));
                    }
                    config++;
                  }
                }
            }
            if (sweep != null && sweep.maxRuns != null && runs.size() > sweep.maxRuns) {
                throw error("sweep.max_runs", "the sweep expands to " + runs.size() + " runs (configurations x seeds), more than "
                    + "max_runs " + sweep.maxRuns + "; raise max_runs, lower samples, or sweep fewer values");
            }
            return new ExperimentPlan(name, description, text, runs, sweep == null ? null : sweep.maxParallel,
                sweep == null ? null : sweep.early, range);
        }

        /**
         * A compare entry's own grid, {@code sweep: {lr: [0.001, 0.01]}} inside the entry: it varies that
         * entry only (e.g. tune Adam's lr beside learning-rate-free methods run once).
         */
        private List<Map<String, Object>> localSweep(String field, Object raw) {
            if (!(raw instanceof Map<?, ?> m) || m.get("sweep") == null) {
                return List.of(Map.of());
            }
            if (!(m.get("sweep") instanceof Map<?, ?> grid) || grid.isEmpty()) {
                throw error(field + ".sweep", "an entry's 'sweep' maps hyperparameters to lists of values, e.g. {lr: [0.001, 0.01]}");
            }
            List<Map<String, Object>> out = new ArrayList<>(List.of(new LinkedHashMap<>()));
            for (Map.Entry<?, ?> e : grid.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (!(e.getValue() instanceof List<?> values) || values.isEmpty()) {
                    throw error(field + ".sweep." + key, "'" + key + "' needs a non-empty list of values");
                }
                if (key.contains(".") && !key.startsWith("schedule.")) {
                    throw error(field + ".sweep." + key, "an entry's sweep varies its optimizer or schedule only; "
                        + "put '" + key + "' in the top-level sweep");
                }
                List<Map<String, Object>> next = new ArrayList<>();
                for (Map<String, Object> partial : out) {
                    for (Object v : values) {
                        Map<String, Object> p = new LinkedHashMap<>(partial);
                        p.put(key, v);
                        next.add(p);
                    }
                }
                out = next;
            }
            return out;
        }

        private Object withoutSweep(Object raw) {
            if (raw instanceof Map<?, ?> m && m.containsKey("sweep")) {
                Map<String, Object> copy = new LinkedHashMap<>(cast(m));
                copy.remove("sweep");
                return copy;
            }
            return raw;
        }

        private SpecException inPoint(SpecException e, Map<String, Object> point) {
            if (point.isEmpty()) {
                return e;
            }
            return new SpecException(e.field(), e.line(), e.getMessage() + " (sweep point " + Sweep.describe(point) + ")");
        }

        /** Groups a point's values by what they change: optimizer, schedule, model, dataset, problem, training. */
        private Map<String, Map<String, Object>> byTarget(Map<String, Object> point) {
            Map<String, Map<String, Object>> by = new LinkedHashMap<>();
            point.forEach((path, v) -> {
                int dot = path.indexOf('.');
                String target = dot < 0 ? "optimizer" : path.substring(0, dot);
                String key = dot < 0 ? path : path.substring(dot + 1);
                by.computeIfAbsent(target, k -> new LinkedHashMap<>()).put(key, v);
            });
            return by;
        }

        /** A component's raw value (an id or a map) with overrides applied. */
        private Object merged(Object raw, Map<String, Object> overrides) {
            if (overrides == null || overrides.isEmpty()) {
                return raw;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            if (raw instanceof String id) {
                m.put("type", id);
            } else if (raw instanceof Map<?, ?> mm) {
                m.putAll(cast(mm));
            }
            m.putAll(overrides);
            return m;
        }

        /** The compare entry with the point's optimizer and schedule values that apply to it; records what applied. */
        private Object entryWith(String field, Object raw, Map<String, Object> point, Map<String, Object> applied, LrRangeTest range) {
            if (!(raw instanceof Map<?, ?> m0)) {
                return raw;
            }
            Map<String, Object> m = new LinkedHashMap<>(cast(m0));
            Optimizer opt = m.get("optimizer") instanceof String id
                ? registry.<Optimizer>extension(ExtensionKind.OPTIMIZER, id).orElse(null) : null;
            Map<String, Object> schedule = m.get("schedule") instanceof Map<?, ?> sm ? new LinkedHashMap<>(cast(sm))
                : m.get("schedule") instanceof String sid ? new LinkedHashMap<>(Map.of("type", sid)) : null;
            for (Map.Entry<String, Object> pv : point.entrySet()) {
                String path = pv.getKey();
                int dot = path.indexOf('.');
                String target = dot < 0 ? "optimizer" : path.substring(0, dot);
                String key = dot < 0 ? path : path.substring(dot + 1);
                if (target.equals("optimizer") && opt != null && opt.schema().has(key)) {
                    m.put(key, pv.getValue());
                    applied.put(path, pv.getValue());
                } else if (target.equals("schedule") && schedule != null) {
                    schedule.put(key, pv.getValue());
                    applied.put(path, pv.getValue());
                } else if (!target.equals("optimizer") && !target.equals("schedule")) {
                    applied.put(path, pv.getValue());
                }
            }
            if (range != null) {
                if (m.containsKey("schedule")) {
                    throw error(field + ".schedule", "a learning-rate range test sets the schedule itself; remove 'schedule'");
                }
                if (registry.find(ExtensionKind.SCHEDULE, "lr_range").isEmpty()) {
                    throw error("lr_range_test", "the range test needs the 'lr_range' schedule (plugin schedules), which is not loaded");
                }
                schedule = new LinkedHashMap<>(Map.of("type", "lr_range", "min_lr", range.minLr(), "max_lr", range.maxLr(),
                    "steps", range.steps()));
            }
            if (schedule != null) {
                m.put("schedule", schedule);
            }
            return m;
        }

        private void checkSweepTargets(Sweep sweep, List<?> compare, boolean isProblem) {
            for (Sweep.Param p : sweep.params) {
                String f = "sweep.parameters." + p.path();
                switch (p.target()) {
                    case "optimizer" -> {
                        boolean any = false;
                        for (Object e : compare) {
                            if (e instanceof Map<?, ?> m && m.get("optimizer") instanceof String id) {
                                any |= registry.<Optimizer>extension(ExtensionKind.OPTIMIZER, id).map(o -> o.schema().has(p.key())).orElse(false);
                            }
                        }
                        if (!any) {
                            throw error(f, "no compared optimizer has a hyperparameter '" + p.key() + "'");
                        }
                    }
                    case "problem" -> {
                        if (!isProblem) {
                            throw error(f, "this experiment has no 'problem' to sweep");
                        }
                    }
                    case "model", "dataset" -> {
                        if (isProblem) {
                            throw error(f, "this experiment has a 'problem', no " + p.target());
                        }
                    }
                    default -> {
                    }
                }
            }
        }

        private Map<String, Object> rangeTraining(LrRangeTest range, Map<String, Object> overrides) {
            Map<String, Object> m = overrides == null ? new LinkedHashMap<>() : new LinkedHashMap<>(overrides);
            if (range != null) {
                m.put("steps", range.steps());
            }
            return m;
        }

        private LrRangeTest rangeTest(Object raw) {
            if (!(raw instanceof Map<?, ?> m0)) {
                throw error("lr_range_test", "'lr_range_test' must be a mapping such as {min_lr: 1e-7, max_lr: 10, steps: 100}");
            }
            try {
                io.adalab.api.Hyperparameters h = RANGE.resolve(cast(m0));
                if (h.real("max_lr") <= h.real("min_lr")) {
                    throw error("lr_range_test.max_lr", "'max_lr' must be larger than 'min_lr'");
                }
                return new LrRangeTest(h.real("min_lr"), h.real("max_lr"), h.integer("steps"), h.real("smoothing"), h.real("stop_factor"));
            } catch (HyperparameterException e) {
                throw error("lr_range_test." + e.field(), e.getMessage());
            }
        }

        private record Entry(String label, Resolved<Optimizer> optimizer, Resolved<LearningRateSchedule> schedule, long warmup) {
        }

        private Entry entry(String field, Object raw) {
            if (!(raw instanceof Map<?, ?> m0)) {
                throw error(field, "each compare entry must be a mapping such as {optimizer: adam, lr: 0.001}");
            }
            Map<String, Object> m = new LinkedHashMap<>(cast(m0));
            Object id = m.remove("optimizer");
            if (!(id instanceof String oid)) {
                throw error(field + ".optimizer", "'optimizer' is required: one of "
                    + String.join(", ", registry.ids(ExtensionKind.OPTIMIZER)));
            }
            Object labelRaw = m.remove("label");
            Object scheduleRaw = m.remove("schedule");
            Registered<Optimizer> opt = lookup(ExtensionKind.OPTIMIZER, field + ".optimizer", oid);
            Hyperparameters hp = resolve(opt.extension(), field, m);
            Resolved<LearningRateSchedule> schedule = null;
            long warmup = 0;
            if (scheduleRaw != null) {
                Map<String, Object> s = scheduleMap(field + ".schedule", scheduleRaw);
                Object w = s.remove("warmup_steps");
                if (w != null) {
                    if (!(w instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.longValue() < 0) {
                        throw error(field + ".schedule.warmup_steps", "'warmup_steps' is " + w + ", must be an integer >= 0");
                    }
                    warmup = n.longValue();
                }
                String type = s.containsKey("type") ? String.valueOf(s.remove("type")) : "constant";
                Registered<LearningRateSchedule> reg = lookup(ExtensionKind.SCHEDULE, field + ".schedule.type", type);
                schedule = new Resolved<>(reg, resolve(reg.extension(), field + ".schedule", s));
            }
            String label = labelRaw instanceof String l ? l : label(oid, m, schedule, warmup);
            return new Entry(label, new Resolved<>(opt, hp), schedule, warmup);
        }

        private Map<String, Object> scheduleMap(String field, Object raw) {
            if (raw instanceof String s) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("type", s);
                return m;
            }
            if (raw instanceof Map<?, ?> m) {
                return new LinkedHashMap<>(cast(m));
            }
            throw error(field, "'schedule' must be a schedule id or a mapping such as {type: step, step_size: 100}");
        }

        private String label(String id, Map<String, Object> userValues, Resolved<LearningRateSchedule> s, long warmup) {
            StringBuilder b = new StringBuilder(id);
            userValues.forEach((k, v) -> b.append(' ').append(k).append('=').append(Labels.value(v)));
            if (s != null) {
                b.append(" +").append(s.id());
            }
            if (warmup > 0) {
                b.append(" warmup=").append(warmup);
            }
            return b.toString();
        }

        private <T extends Component> Resolved<T> component(ExtensionKind kind, String field, Object raw) {
            Map<String, Object> m;
            if (raw instanceof String s) {
                m = new LinkedHashMap<>();
                m.put("type", s);
            } else if (raw instanceof Map<?, ?> mm) {
                m = new LinkedHashMap<>(cast(mm));
            } else {
                throw error(field, "'" + field + "' must be an id or a mapping with 'type'");
            }
            Object type = m.remove("type");
            if (!(type instanceof String id)) {
                throw error(field + ".type", "'type' is required: one of " + String.join(", ", registry.ids(kind)));
            }
            Registered<T> reg = lookup(kind, field + ".type", id);
            return new Resolved<>(reg, resolve(reg.extension(), field, m));
        }

        private <T extends Component> Registered<T> lookup(ExtensionKind kind, String field, String id) {
            return registry.<T>find(kind, id).orElseThrow(() -> error(field, "unknown " + kind.word() + " '" + id
                + "'; known: " + String.join(", ", registry.ids(kind))));
        }

        private Hyperparameters resolve(Component c, String field, Map<String, Object> values) {
            try {
                return c.schema().resolve(values, resolver(field));
            } catch (HyperparameterException e) {
                String f = e.field().startsWith(field) ? e.field() : field + "." + e.field();
                throw error(f, e.getMessage() + " (" + c.id() + ")");
            }
        }

        private OptimizerResolver resolver(String field) {
            return (name, config) -> {
                Object id = config.get("optimizer");
                Registered<Optimizer> inner = lookup(ExtensionKind.OPTIMIZER, field + "." + name + ".optimizer", String.valueOf(id));
                Map<String, Object> rest = new LinkedHashMap<>(config);
                rest.remove("optimizer");
                return new ResolvedOptimizer(inner.extension(), resolve(inner.extension(), field + "." + name, rest));
            };
        }

        private TrainingConfig training(Object raw, boolean problem, boolean range) {
            Map<String, Object> m = raw == null ? Map.of() : raw instanceof Map<?, ?> mm ? cast(mm) : null;
            if (m == null) {
                throw error("training", "'training' must be a mapping such as {epochs: 5, batch_size: 32}");
            }
            Hyperparameters h;
            try {
                h = TrainingConfig.SCHEMA.resolve(m);
            } catch (HyperparameterException e) {
                throw error("training." + e.field(), e.getMessage());
            }
            if (problem && !h.has("steps")) {
                throw error("training.steps", "'steps' is required for a problem: the number of optimizer steps, e.g. 300");
            }
            if (!problem && !h.has("epochs") && !h.has("steps")) {
                throw error("training.epochs", "'epochs' (or 'steps') is required, e.g. training: {epochs: 5}");
            }
            if (problem && h.has("epochs") && !range) {
                throw error("training.epochs", "a problem has no data to pass over: use 'steps', not 'epochs'");
            }
            return TrainingConfig.from(h, problem);
        }

        private List<Long> seeds(Object raw) {
            if (raw == null) {
                return List.of(0L);
            }
            List<?> l = raw instanceof List<?> ll ? ll : List.of(raw);
            if (l.isEmpty()) {
                throw error("seeds", "'seeds' must list at least one integer, e.g. [1, 2]");
            }
            List<Long> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                Object o = l.get(i);
                if (!(o instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                    throw error("seeds[" + i + "]", "seed is " + o + ", must be an integer");
                }
                if (out.contains(n.longValue())) {
                    throw error("seeds[" + i + "]", "seed " + n.longValue() + " is listed twice");
                }
                out.add(n.longValue());
            }
            return out;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
