package io.adalab.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validated, immutable hyperparameter values with defaults filled in, produced by
 * {@link HyperparameterSchema#resolve(Map)}. Reals are {@code Double}, integers {@code Long},
 * lists {@code List<Long>} / {@code List<Double>}.
 */
public final class Hyperparameters {
    private final Map<String, Object> values;

    Hyperparameters(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A real value. */
    public double real(String name) {
        return ((Number) need(name)).doubleValue();
    }

    /** An integer value. */
    public long integer(String name) {
        return ((Number) need(name)).longValue();
    }

    /** An integer value that fits an {@code int}. */
    public int integerAsInt(String name) {
        return Math.toIntExact(integer(name));
    }

    /** A boolean value. */
    public boolean bool(String name) {
        return (Boolean) need(name);
    }

    /** A string or choice value. */
    public String string(String name) {
        return (String) need(name);
    }

    /** A list of integers. */
    @SuppressWarnings("unchecked")
    public List<Long> integerList(String name) {
        return (List<Long>) need(name);
    }

    /** A list of reals. */
    @SuppressWarnings("unchecked")
    public List<Double> realList(String name) {
        return (List<Double>) need(name);
    }

    /** A nested optimizer ({@link HyperparameterType#OPTIMIZER}). */
    public ResolvedOptimizer optimizer(String name) {
        return (ResolvedOptimizer) need(name);
    }

    /** Whether {@code name} has a value (optional entries without default have none). */
    public boolean has(String name) {
        return values.get(name) != null;
    }

    /**
     * All values by name, in schema order; suitable for JSON. A nested optimizer appears as its
     * configuration map ({@code {optimizer: id, ...hyperparameters}}).
     */
    public Map<String, Object> asMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v instanceof ResolvedOptimizer r ? r.asMap() : v));
        return Collections.unmodifiableMap(out);
    }

    private Object need(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new HyperparameterException(name, "no value for hyperparameter '" + name + "'");
        }
        return v;
    }

    @Override public boolean equals(Object o) {
        return o instanceof Hyperparameters h && h.values.equals(values);
    }

    @Override public int hashCode() {
        return values.hashCode();
    }

    @Override public String toString() {
        return values.toString();
    }
}
