package io.adalab.core.analysis;

import java.util.List;
import java.util.Map;

/**
 * What an optimizer comparison established, over one or more experiments ("problems"): for every
 * configuration its final metric and time to target (mean ± std over seeds), the best
 * configuration per optimizer, learning-rate sensitivity, and, across problems, the performance
 * profile of Dolan and Moré (2002).
 *
 * @param metric     final metric compared (e.g. {@code final_loss}, {@code test_loss}), smaller is better
 * @param tolerance  τ of the convergence test: a run reaches the target when its loss is within τ of the
 *                   best reduction seen on that problem, f ≤ f_best + τ (f_0 − f_best) (Moré and Wild 2009)
 * @param problems   one entry per experiment
 * @param profile    performance profile: optimizer → points (ratio τ, fraction of problems solved within τ x best time)
 */
public record Report(String metric, double tolerance, List<Problem> problems, Map<String, List<double[]>> profile) {

    /** One experiment. */
    public record Problem(long experimentId, String name, double target, List<Config> configs, Map<String, Config> bestPerOptimizer) {
    }

    /**
     * One configuration (a compare entry, or one sweep point of it) over its seeds.
     *
     * @param label        configuration label
     * @param optimizer    optimizer id
     * @param lr           its learning rate, or NaN
     * @param runs         seeds run
     * @param finished     runs that finished (others diverged, failed, ...)
     * @param finalMean    mean final metric over finished runs (diverged count as +inf → NaN mean)
     * @param finalStd     standard deviation of it
     * @param stepsToTarget mean steps to target over runs (+inf if any run never reached it)
     * @param secondsToTarget mean seconds to target, same rule
     * @param lossCurve    mean loss per recorded step over seeds: {steps, loss}
     */
    public record Config(String label, String optimizer, double lr, int runs, int finished, double finalMean,
                         double finalStd, double stepsToTarget, double secondsToTarget, double[][] lossCurve) {
    }
}
