package io.adalab.plugin.optimizers.lrfree;

/**
 * The averaging weights shared by Schedule-Free SGD and AdamW (Defazio et al. 2024,
 * arXiv:2405.15682, Eq. 1 and Section 4.1), exactly as the authors' code computes them. The
 * scalars live in the rule's scalar state at {@link #STEPS}, {@link #WEIGHT_SUM} and
 * {@link #LR_MAX}.
 */
final class ScheduleFreeAveraging {
    static final int STEPS = 0;
    static final int WEIGHT_SUM = 1;
    static final int LR_MAX = 2;
    static final int SCALARS = 3;

    private ScheduleFreeAveraging() {
    }

    static void initialize(double[] scalars) {
        scalars[LR_MAX] = -1;
    }

    /** The learning rate of this step: {@code lr} times the linear warm-up factor {@code (k+1)/warmup_steps}. */
    static double learningRate(double[] scalars, double lr, long warmupSteps) {
        double k = scalars[STEPS];
        return k < warmupSteps ? lr * ((k + 1) / warmupSteps) : lr;
    }

    /**
     * Updates the running maximum learning rate and the weight sum and returns
     * {@code c_{k+1} = (k+1)^r lr_max^weight_lr_power / sum of weights} (0 if that sum is 0).
     * Call once per step, before incrementing the step count with {@link #advance}.
     */
    static double interpolation(double[] scalars, double lrK, double r, double weightLrPower) {
        double k = scalars[STEPS];
        double lrMax = Py.max(lrK, scalars[LR_MAX]);
        scalars[LR_MAX] = lrMax;
        double weight = Math.pow(k + 1, r) * Math.pow(lrMax, weightLrPower);
        double weightSum = scalars[WEIGHT_SUM] + weight;
        scalars[WEIGHT_SUM] = weightSum;
        return weightSum == 0 ? 0 : weight / weightSum;
    }

    static void advance(double[] scalars) {
        scalars[STEPS] += 1;
    }

    /**
     * The evaluation point {@code x = lerp(y, z, 1 - 1/momentum)}, what the code's
     * {@code optimizer.eval()} writes into the parameters.
     */
    static void evaluationPoint(io.adalab.api.Vec y, io.adalab.api.Vec z, double momentum, io.adalab.api.Vec out) {
        double w = 1 - 1 / momentum;
        for (int i = 0, n = out.length(); i < n; i++) {
            out.set(i, Py.lerp(y.get(i), z.get(i), w));
        }
    }
}
