package io.adalab.core.spec;

/**
 * Asynchronous successive halving (ASHA; Li et al. 2020, arXiv 1810.05934) over the runs of one
 * experiment: at each rung (epoch {@code minEpochs * reductionFactor^k}) a run continues only if
 * its metric is among the best {@code max(1, n / reductionFactor)} of the {@code n} runs that have
 * reached that rung so far; diverged runs count as the worst.
 *
 * @param metric          epoch metric compared, e.g. {@code test_loss}
 * @param minimize        whether smaller is better
 * @param minEpochs       first rung
 * @param reductionFactor η, at least 2
 */
public record EarlyStopping(String metric, boolean minimize, int minEpochs, int reductionFactor) {
}
