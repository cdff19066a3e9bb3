package io.adalab.core.spec;

/**
 * The learning-rate range test (Smith 2017, arXiv 1506.01186, section 3.3): the learning rate grows
 * exponentially from {@code minLr} to {@code maxLr} over {@code steps} steps while the loss is
 * recorded; the suggestion is read off the smoothed loss against the learning rate.
 *
 * @param minLr      first learning rate
 * @param maxLr      last learning rate
 * @param steps      steps of the ramp
 * @param smoothing  EMA factor of the loss smoothing (bias-corrected), e.g. 0.98
 * @param stopFactor the curve is cut where the smoothed loss exceeds this factor times its minimum
 */
public record LrRangeTest(double minLr, double maxLr, long steps, double smoothing, double stopFactor) {
}
