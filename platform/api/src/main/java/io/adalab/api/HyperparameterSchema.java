package io.adalab.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The hyperparameters an extension accepts, in declaration order, built fluently:
 *
 * <pre>{@code
 * HyperparameterSchema.builder()
 *     .real("lr", 1e-3).positive().logScale().help("step size")
 *     .real("beta1", 0.9).range(0, 1).help("decay of the first moment")
 *     .bool("amsgrad", false).help("use the running maximum of v")
 *     .build();
 * }</pre>
 *
 * {@link #resolve(Map)} checks a user's values and fills in defaults.
 */
public final class HyperparameterSchema {
    private static final HyperparameterSchema EMPTY = new HyperparameterSchema(List.of());
    private final List<Hyperparameter> entries;
    private final Map<String, Hyperparameter> byName;

    private HyperparameterSchema(List<Hyperparameter> entries) {
        this.entries = List.copyOf(entries);
        Map<String, Hyperparameter> m = new LinkedHashMap<>();
        for (Hyperparameter h : entries) {
            if (m.put(h.name(), h) != null) {
                throw new IllegalArgumentException("hyperparameter declared twice: " + h.name());
            }
        }
        this.byName = Collections.unmodifiableMap(m);
    }

    /** A schema without hyperparameters. */
    public static HyperparameterSchema empty() {
        return EMPTY;
    }

    /** Starts a schema. */
    public static Builder builder() {
        return new Builder();
    }

    /** All entries in declaration order. */
    public List<Hyperparameter> entries() {
        return entries;
    }

    /** The entry called {@code name}, or {@code null}. */
    public Hyperparameter get(String name) {
        return byName.get(name);
    }

    /** Whether an entry called {@code name} exists. */
    public boolean has(String name) {
        return byName.containsKey(name);
    }

    /**
     * Validates {@code values} (as parsed from YAML/JSON: numbers, booleans, strings, lists) and
     * returns them with defaults filled in.
     *
     * @throws HyperparameterException naming the first unknown, missing, mistyped or out-of-range key
     */
    public Hyperparameters resolve(Map<String, ?> values) {
        return resolve(values, null);
    }

    /**
     * Like {@link #resolve(Map)}, resolving {@link HyperparameterType#OPTIMIZER} entries (nested
     * optimizer configurations) with {@code resolver}.
     */
    public Hyperparameters resolve(Map<String, ?> values, OptimizerResolver resolver) {
        for (String key : values.keySet()) {
            if (!byName.containsKey(key)) {
                throw new HyperparameterException(key, "unknown hyperparameter '" + key + "'; known: "
                    + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Hyperparameter h : entries) {
            Object raw = values.get(h.name());
            if (raw == null) {
                if (h.required()) {
                    throw new HyperparameterException(h.name(), "'" + h.name() + "' is required: " + h.allowed());
                }
                out.put(h.name(), h.type() == HyperparameterType.OPTIMIZER && h.defaultValue() != null
                    ? Coercion.coerce(h, h.defaultValue(), resolver) : h.defaultValue());
            } else {
                out.put(h.name(), Coercion.coerce(h, raw, resolver));
            }
        }
        return new Hyperparameters(out);
    }

    /** Fluent builder; each {@code real/integer/...} call starts an entry, the modifiers apply to it. */
    public static final class Builder {
        private final List<Hyperparameter> done = new ArrayList<>();
        private String name;
        private HyperparameterType type;
        private Object def;
        private double min = Double.NEGATIVE_INFINITY;
        private boolean minInc = true;
        private double max = Double.POSITIVE_INFINITY;
        private boolean maxInc = true;
        private boolean log;
        private boolean optional;
        private List<String> choices = List.of();
        private String help = "";

        private Builder start(String n, HyperparameterType t, Object d) {
            flush();
            name = Objects.requireNonNull(n);
            type = t;
            def = d;
            return this;
        }

        /** A real number with a default ({@code null}: required). */
        public Builder real(String n, Double def) {
            return start(n, HyperparameterType.REAL, def);
        }

        /** An integer with a default ({@code null}: required). */
        public Builder integer(String n, Long def) {
            return start(n, HyperparameterType.INTEGER, def);
        }

        /** An integer with a default. */
        public Builder integer(String n, long def) {
            return integer(n, Long.valueOf(def));
        }

        /** A boolean with a default. */
        public Builder bool(String n, boolean def) {
            return start(n, HyperparameterType.BOOLEAN, def);
        }

        /** A choice among {@code options}; the default must be one of them. */
        public Builder choice(String n, String def, String... options) {
            start(n, HyperparameterType.CHOICE, def);
            choices = List.of(options);
            if (def != null && !choices.contains(def)) {
                throw new IllegalArgumentException(n + ": default " + def + " is not a choice");
            }
            return this;
        }

        /** Free text with a default ({@code null}: required). */
        public Builder string(String n, String def) {
            return start(n, HyperparameterType.STRING, def);
        }

        /** A list of integers with a default. */
        public Builder integerList(String n, List<Long> def) {
            return start(n, HyperparameterType.INTEGER_LIST, def == null ? null : List.copyOf(def));
        }

        /** A list of reals with a default. */
        public Builder realList(String n, List<Double> def) {
            return start(n, HyperparameterType.REAL_LIST, def == null ? null : List.copyOf(def));
        }

        /** A nested optimizer configuration with a default such as {@code Map.of("optimizer", "adam")}. */
        public Builder optimizer(String n, Map<String, ?> def) {
            return start(n, HyperparameterType.OPTIMIZER, def == null ? null : Map.copyOf(def));
        }

        /** Bounds {@code lo <= x <= hi}. */
        public Builder range(double lo, double hi) {
            min = lo;
            max = hi;
            minInc = true;
            maxInc = true;
            return this;
        }

        /** Lower bound, inclusive. */
        public Builder min(double lo) {
            min = lo;
            minInc = true;
            return this;
        }

        /** Upper bound, inclusive. */
        public Builder max(double hi) {
            max = hi;
            maxInc = true;
            return this;
        }

        /** Lower bound, exclusive. */
        public Builder above(double lo) {
            min = lo;
            minInc = false;
            return this;
        }

        /** Upper bound, exclusive. */
        public Builder below(double hi) {
            max = hi;
            maxInc = false;
            return this;
        }

        /** {@code x > 0}. */
        public Builder positive() {
            return above(0);
        }

        /** {@code x >= 0}. */
        public Builder nonNegative() {
            return min(0);
        }

        /** May be left out even without a default; then {@link Hyperparameters#has(String)} is false. */
        public Builder optional() {
            optional = true;
            return this;
        }

        /** Searched and plotted on a log scale. */
        public Builder logScale() {
            log = true;
            return this;
        }

        /** One sentence shown in forms and listings. */
        public Builder help(String text) {
            help = text;
            return this;
        }

        private void flush() {
            if (name != null) {
                done.add(new Hyperparameter(name, type, def, optional, min, minInc, max, maxInc, log, choices, help));
                if (def != null) {
                    Coercion.coerce(done.get(done.size() - 1), def); // defaults must be valid too
                }
            }
            name = null;
            min = Double.NEGATIVE_INFINITY;
            max = Double.POSITIVE_INFINITY;
            minInc = true;
            maxInc = true;
            log = false;
            optional = false;
            choices = List.of();
            help = "";
        }

        /** The finished schema. */
        public HyperparameterSchema build() {
            flush();
            return new HyperparameterSchema(done);
        }
    }
}
