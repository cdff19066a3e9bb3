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
        "training", "seeds", "compare");
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
            Resolved<Objective> problem = null;
            Resolved<DatasetProvider> dataset = null;
            Resolved<ModelFactory> model = null;
            if (isProblem) {
                if (root.containsKey("dataset") || root.containsKey("model")) {
                    throw error("problem", "use either 'problem' or 'dataset' + 'model', not both");
                }
                problem = component(ExtensionKind.PROBLEM, "problem", root.get("problem"));
            } else {
                if (!root.containsKey("dataset")) {
                    throw error("dataset", "'dataset' is required (or 'problem' for an analytic problem); known datasets: "
                        + String.join(", ", registry.ids(ExtensionKind.DATASET)));
                }
                if (!root.containsKey("model")) {
                    throw error("model", "'model' is required, e.g. {type: mlp}; known models: "
                        + String.join(", ", registry.ids(ExtensionKind.MODEL)));
                }
                dataset = component(ExtensionKind.DATASET, "dataset", root.get("dataset"));
                model = component(ExtensionKind.MODEL, "model", root.get("model"));
            }
            TrainingConfig training = training(root.get("training"), isProblem);
            List<Long> seeds = seeds(root.get("seeds"));
            Object compareRaw = root.get("compare");
            if (!(compareRaw instanceof List<?> compare) || compare.isEmpty()) {
                throw error("compare", "'compare' is required: a non-empty list of optimizer configurations, "
                    + "e.g. [{optimizer: adam, lr: 0.001}]");
            }
            List<RunSpec> runs = new ArrayList<>();
            for (int c = 0; c < compare.size(); c++) {
                Entry e = entry("compare[" + c + "]", compare.get(c));
                for (long seed : seeds) {
                    runs.add(new RunSpec(name, runs.size(), c, e.label, seed, e.optimizer, e.schedule, e.warmup,
                        dataset, model, problem, training));
                }
            }
            return new ExperimentPlan(name, description, text, runs);
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
            userValues.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
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

        private TrainingConfig training(Object raw, boolean problem) {
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
            if (problem && h.has("epochs")) {
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
