package io.adalab.testkit.reference;

import java.util.Map;

/**
 * The outcome of replaying one reference case.
 *
 * @param file      the case file as given to {@link ReferenceReplay#replay}
 * @param caseName  the file's {@code case} (file name without {@code .json}), or the file name if unreadable
 * @param status    whether every compared quantity stayed within tolerance
 * @param maxError  per quantity ({@code loss}, {@code params}, {@code grad}, {@code grad_norm}, {@code lr},
 *                  {@code beta1}, {@code eval_loss}, {@code eval_params}), the worst error
 *                  {@code |actual - expected| / max(1, |expected|)} over all entries and elements
 * @param tolerance per quantity, the tolerance it was held to (the file's float64 {@code recommended_tol})
 * @param steps     number of optimizer steps replayed
 * @param message   for {@code FAIL} and {@code UNSUPPORTED} the reason; for {@code PASS} a summary
 */
public record ReplayResult(String file, String caseName, Status status, Map<String, Double> maxError,
                           Map<String, Double> tolerance, int steps, String message) {
    public ReplayResult {
        maxError = Map.copyOf(maxError);
        tolerance = Map.copyOf(tolerance);
    }

    /** Outcome of a replay. */
    public enum Status {
        /** Every recorded quantity was reproduced within tolerance. */
        PASS,
        /** A quantity was out of tolerance, the optimizer failed, or the file is malformed. */
        FAIL,
        /** The optimizer, a nested optimizer, the schedule, a hyperparameter or the problem is not available here. */
        UNSUPPORTED
    }

    @Override public String toString() {
        return caseName + ": " + status + " (" + message + ")";
    }
}
