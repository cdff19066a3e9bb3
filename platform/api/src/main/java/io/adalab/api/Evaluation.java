package io.adalab.api;

/**
 * Summed evaluation over some examples; add them up over batches, then read the means.
 *
 * @param lossSum  sum of per-example losses
 * @param correct  correctly classified examples (0 where accuracy does not apply)
 * @param count    examples (for language models: predicted tokens)
 */
public record Evaluation(double lossSum, long correct, long count) {
    /** Nothing evaluated yet. */
    public static final Evaluation EMPTY = new Evaluation(0, 0, 0);

    /** Sum of two evaluations. */
    public Evaluation plus(Evaluation o) {
        return new Evaluation(lossSum + o.lossSum, correct + o.correct, count + o.count);
    }

    /** Mean loss, NaN if empty. */
    public double meanLoss() {
        return count == 0 ? Double.NaN : lossSum / count;
    }

    /** Fraction correct, NaN if empty. */
    public double accuracy() {
        return count == 0 ? Double.NaN : (double) correct / count;
    }
}
