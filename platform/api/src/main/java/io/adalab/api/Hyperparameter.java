package io.adalab.api;

import java.util.List;

/**
 * One entry of a {@link HyperparameterSchema}: what a user may set, its default and its valid range.
 *
 * @param name         key in the experiment file, lower snake case ({@code "beta1"}, {@code "weight_decay"})
 * @param type         value type
 * @param defaultValue value used when the user leaves it out, or {@code null}
 * @param optional     whether an entry without default may be left out (then it has no value)
 * @param min          lower bound for numbers (or list elements), {@code -Infinity} if none
 * @param minInclusive whether {@code min} itself is allowed
 * @param max          upper bound, {@code +Infinity} if none
 * @param maxInclusive whether {@code max} itself is allowed
 * @param logScale     whether the value is best searched and plotted on a log scale (learning rates, eps)
 * @param choices      allowed values of a {@link HyperparameterType#CHOICE}, else empty
 * @param help         one sentence for forms and {@code adalab plugins}
 */
public record Hyperparameter(String name, HyperparameterType type, Object defaultValue, boolean optional,
                             double min, boolean minInclusive, double max, boolean maxInclusive,
                             boolean logScale, List<String> choices, String help) {
    public Hyperparameter {
        choices = List.copyOf(choices);
    }

    /** Whether the user must give a value. */
    public boolean required() {
        return defaultValue == null && !optional;
    }

    /** Human-readable description of the valid range, e.g. {@code "in [0, 1)"} or {@code "one of sum, mean"}. */
    public String allowed() {
        if (type == HyperparameterType.CHOICE) {
            return "one of " + String.join(", ", choices);
        }
        if (type == HyperparameterType.BOOLEAN) {
            return "true or false";
        }
        if (type == HyperparameterType.STRING) {
            return "a string";
        }
        if (type == HyperparameterType.OPTIMIZER) {
            return "an optimizer configuration such as {optimizer: adam, lr: 0.001}";
        }
        String what = switch (type) {
            case INTEGER -> "an integer";
            case INTEGER_LIST -> "a list of integers";
            case REAL_LIST -> "a list of numbers";
            default -> "a number";
        };
        boolean lo = min != Double.NEGATIVE_INFINITY;
        boolean hi = max != Double.POSITIVE_INFINITY;
        if (!lo && !hi) {
            return what;
        }
        if (lo && !hi) {
            return what + (minInclusive ? " >= " : " > ") + fmt(min);
        }
        if (!lo) {
            return what + (maxInclusive ? " <= " : " < ") + fmt(max);
        }
        return what + " in " + (minInclusive ? "[" : "(") + fmt(min) + ", " + fmt(max) + (maxInclusive ? "]" : ")");
    }

    /** Whether a number lies inside the bounds. */
    public boolean inRange(double v) {
        boolean okLo = minInclusive ? v >= min : v > min;
        boolean okHi = maxInclusive ? v <= max : v < max;
        return okLo && okHi && !Double.isNaN(v);
    }

    static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
