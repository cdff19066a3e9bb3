package io.adalab.core.analysis;

/**
 * Reads a learning-rate range test (Smith 2017, arXiv 1506.01186): the loss recorded while the
 * learning rate grows exponentially. The loss is smoothed with a bias-corrected exponential
 * moving average (as fastai's {@code lr_find}), the curve is cut where the smoothed loss exceeds
 * {@code stopFactor} times its running minimum (or stops being finite), and two suggestions are
 * read off the rest: the learning rate where the smoothed loss falls fastest per unit of
 * log(lr) ("steepest descent"), and a tenth of the learning rate at the minimum smoothed loss.
 */
public final class LrRangeAnalysis {
    private LrRangeAnalysis() {
    }

    /**
     * The result.
     *
     * @param steepest        learning rate of the steepest descent of the smoothed loss: the suggestion
     * @param minLossLr       learning rate at the minimum smoothed loss
     * @param minLossOverTen  {@code minLossLr / 10}, the conservative suggestion
     * @param lr              learning rates of the kept (uncut) points
     * @param smoothed        smoothed loss at those points
     */
    public record Result(double steepest, double minLossLr, double minLossOverTen, double[] lr, double[] smoothed) {
    }

    /**
     * @param lr         learning rate of each step (increasing)
     * @param loss       loss of each step
     * @param smoothing  EMA factor in [0, 1)
     * @param stopFactor cut where smoothed loss > stopFactor x minimum so far
     * @throws IllegalArgumentException if fewer than 3 usable points remain
     */
    public static Result analyse(double[] lr, double[] loss, double smoothing, double stopFactor) {
        int n = Math.min(lr.length, loss.length);
        double[] s = new double[n];
        double avg = 0;
        double best = Double.POSITIVE_INFINITY;
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(loss[i])) {
                break;
            }
            avg = smoothing * avg + (1 - smoothing) * loss[i];
            double v = avg / (1 - Math.pow(smoothing, i + 1));
            if (i > 0 && v > stopFactor * best) {
                break;
            }
            best = Math.min(best, v);
            s[i] = v;
            kept = i + 1;
        }
        if (kept < 3) {
            throw new IllegalArgumentException("the range test kept only " + kept + " points before the loss blew up; "
                + "lower min_lr or raise steps");
        }
        double[] x = java.util.Arrays.copyOf(lr, kept);
        double[] y = java.util.Arrays.copyOf(s, kept);
        // skip the noisy start and the edge of the cut, as fastai does (10 and 5 points, less on short tests)
        int from = Math.min(10, kept / 10);
        int to = kept - Math.min(5, kept / 20);
        int steepest = from;
        double slope = Double.POSITIVE_INFINITY;
        int argMin = from;
        for (int i = from; i < to; i++) {
            double d = derivative(x, y, i);
            if (d < slope) {
                slope = d;
                steepest = i;
            }
            if (y[i] < y[argMin]) {
                argMin = i;
            }
        }
        return new Result(x[steepest], x[argMin], x[argMin] / 10, x, y);
    }

    /** d y / d log(x) at i: central difference inside, one-sided at the ends (numpy.gradient). */
    private static double derivative(double[] x, double[] y, int i) {
        int lo = Math.max(0, i - 1);
        int hi = Math.min(x.length - 1, i + 1);
        double dx = Math.log(x[hi]) - Math.log(x[lo]);
        return dx == 0 ? 0 : (y[hi] - y[lo]) / dx;
    }
}
