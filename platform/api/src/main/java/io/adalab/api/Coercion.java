package io.adalab.api;

import java.util.ArrayList;
import java.util.List;

/** Converts parsed YAML/JSON values to a hyperparameter's type, or explains why not. */
final class Coercion {
    private Coercion() {
    }

    static Object coerce(Hyperparameter h, Object raw, OptimizerResolver resolver) {
        if (h.type() == HyperparameterType.OPTIMIZER) {
            if (raw instanceof ResolvedOptimizer r) {
                return r;
            }
            if (!(raw instanceof java.util.Map<?, ?> m)) {
                throw wrong(h, raw);
            }
            if (resolver == null) {
                throw new HyperparameterException(h.name(), "'" + h.name() + "' needs an optimizer resolver");
            }
            @SuppressWarnings("unchecked")
            java.util.Map<String, ?> config = (java.util.Map<String, ?>) m;
            return resolver.resolve(h.name(), config);
        }
        return coerce(h, raw);
    }

    static Object coerce(Hyperparameter h, Object raw) {
        return switch (h.type()) {
            case OPTIMIZER -> {
                if (raw instanceof java.util.Map<?, ?> || raw instanceof ResolvedOptimizer) {
                    yield raw; // checked when resolved
                }
                throw wrong(h, raw);
            }
            case REAL -> checkRange(h, toDouble(h, raw));
            case INTEGER -> {
                long v = toLong(h, raw);
                checkRange(h, (double) v);
                yield v;
            }
            case BOOLEAN -> {
                if (raw instanceof Boolean b) {
                    yield b;
                }
                throw wrong(h, raw);
            }
            case CHOICE -> {
                String s = String.valueOf(raw);
                if (!(raw instanceof String) || !h.choices().contains(s)) {
                    throw new HyperparameterException(h.name(), "'" + h.name() + "' is " + show(raw)
                        + ", must be " + h.allowed());
                }
                yield s;
            }
            case STRING -> {
                if (raw instanceof String s) {
                    yield s;
                }
                throw wrong(h, raw);
            }
            case INTEGER_LIST -> {
                List<Long> out = new ArrayList<>();
                for (Object o : asList(h, raw)) {
                    long v = toLong(h, o);
                    checkRange(h, (double) v);
                    out.add(v);
                }
                yield List.copyOf(out);
            }
            case REAL_LIST -> {
                List<Double> out = new ArrayList<>();
                for (Object o : asList(h, raw)) {
                    out.add(checkRange(h, toDouble(h, o)));
                }
                yield List.copyOf(out);
            }
        };
    }

    private static List<?> asList(Hyperparameter h, Object raw) {
        if (raw instanceof List<?> l) {
            return l;
        }
        if (raw instanceof Number) {
            return List.of(raw);
        }
        throw wrong(h, raw);
    }

    private static double toDouble(Hyperparameter h, Object raw) {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        if (raw instanceof String s) {
            String t = s.trim().toLowerCase(java.util.Locale.ROOT);
            if (t.equals("inf") || t.equals("infinity") || t.equals(".inf")) {
                return Double.POSITIVE_INFINITY;
            }
            try {
                return Double.parseDouble(t); // YAML 1.1 reads "1e-3" as a string
            } catch (NumberFormatException e) {
                throw wrong(h, raw);
            }
        }
        throw wrong(h, raw);
    }

    private static long toLong(Hyperparameter h, Object raw) {
        double d = toDouble(h, raw);
        if (d != Math.rint(d) || Double.isInfinite(d)) {
            throw wrong(h, raw);
        }
        return (long) d;
    }

    private static double checkRange(Hyperparameter h, double v) {
        if (!h.inRange(v)) {
            throw new HyperparameterException(h.name(), "'" + h.name() + "' is " + Hyperparameter.fmt(v)
                + ", must be " + h.allowed());
        }
        return v;
    }

    private static HyperparameterException wrong(Hyperparameter h, Object raw) {
        return new HyperparameterException(h.name(), "'" + h.name() + "' is " + show(raw) + ", must be " + h.allowed());
    }

    private static String show(Object raw) {
        return raw instanceof String s ? "\"" + s + "\"" : String.valueOf(raw);
    }
}
