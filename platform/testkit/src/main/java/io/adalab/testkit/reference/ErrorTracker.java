package io.adalab.testkit.reference;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Collects the worst mixed error {@code |a - e| / max(1, |e|)} per quantity and where it occurred. */
final class ErrorTracker {
    private final Map<String, Double> worst = new LinkedHashMap<>();
    private final Map<String, String> where = new LinkedHashMap<>();

    void compare(String quantity, long step, int index, double actual, double expected) {
        double err = Math.abs(actual - expected) / Math.max(1.0, Math.abs(expected));
        if (Double.isNaN(err)) {
            err = Double.POSITIVE_INFINITY; // a NaN must never pass, and must win the max
        }
        Double old = worst.get(quantity);
        if (old == null || err > old) {
            worst.put(quantity, err);
            where.put(quantity, String.format(Locale.ROOT, "step %d%s: got %s, expected %s", step,
                index < 0 ? "" : " [" + index + "]", actual, expected));
        }
    }

    void compare(String quantity, long step, double[] actual, double[] expected) {
        if (actual.length != expected.length) {
            throw new IllegalArgumentException(quantity + " at step " + step + " has " + expected.length
                + " values in the file, " + actual.length + " here");
        }
        for (int i = 0; i < actual.length; i++) {
            compare(quantity, step, i, actual[i], expected[i]);
        }
    }

    Map<String, Double> maxError() {
        return worst;
    }

    /** The quantities out of tolerance, described; empty if all pass. */
    String failures(Map<String, Double> tolerance) {
        StringBuilder s = new StringBuilder();
        worst.forEach((q, err) -> {
            double tol = tolerance.get(q);
            if (!(err <= tol)) {
                s.append(s.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%s error %.3g > tol %.0e at %s",
                    q, err, tol, where.get(q)));
            }
        });
        return s.toString();
    }
}
