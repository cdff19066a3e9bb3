package io.adalab.plugin.optimizers.classic;

import io.adalab.api.Buffers;
import io.adalab.api.ParameterGroup;
import io.adalab.api.StepContext;
import io.adalab.api.UpdateRule;
import io.adalab.api.Vec;

/**
 * The per-run side of {@link Adafactor}. Slot 0 holds the second-moment statistics: for a factored
 * group, block {@code b} of shape {@code R x C} keeps its row statistics at
 * {@code offset + b*(R+C)} and its column statistics right after them; for other groups, the
 * unfactored {@code v}. Slot 1 is the first moment when {@code beta1 > 0}. The gradient buffer is
 * used as scratch for the unclipped update.
 */
final class AdafactorRule implements UpdateRule {
    private final Config c;

    record Config(double lr, double eps1, double eps2, double clip, double decayRate, double beta1, double weightDecay,
                  boolean scaleParameter, boolean relativeStep, boolean warmupInit) {
    }

    AdafactorRule(Config config) {
        this.c = config;
    }

    @Override public int slots() {
        return c.beta1() > 0 ? 2 : 1;
    }

    @Override public void step(Buffers b, StepContext ctx) {
        long t = ctx.step();
        double beta2t = 1 - Math.pow(t, c.decayRate());
        for (ParameterGroup group : b.groups()) {
            double alpha = stepSize(b.params(), group, t, ctx.learningRate());
            long[] shape = group.shape();
            int rank = shape.length;
            int rows = rank >= 2 ? (int) shape[rank - 2] : 0;
            int cols = rank >= 2 ? (int) shape[rank - 1] : 0;
            double sumSq = rows >= 2 && cols >= 2 && (long) rows * cols * (group.length() / (rows * cols)) == group.length()
                ? factored(b, group, rows, cols, beta2t) : unfactored(b, group, beta2t);
            double rmsU = Math.sqrt(sumSq / group.length());
            apply(b, group, alpha, alpha / Math.max(1, rmsU / c.clip()));
        }
    }

    /** alpha_t: the relative (or configured) step, times the parameter scale. */
    private double stepSize(Vec p, ParameterGroup group, long t, double lr) {
        double rel = lr;
        if (c.relativeStep()) {
            double cap = c.warmupInit() ? 1e-6 * t : 1e-2;
            rel = Math.min(cap, 1 / Math.sqrt(t)) * (lr / c.lr());
        }
        double scale = c.scaleParameter()
            ? Math.max(c.eps2(), p.norm(group.offset(), group.length()) / Math.sqrt(group.length())) : 1;
        return scale * rel;
    }

    private double unfactored(Buffers b, ParameterGroup group, double beta2t) {
        Vec g = b.grad();
        Vec v = b.slot(0);
        double sumSq = 0;
        for (int i = group.offset(), end = group.end(); i < end; i++) {
            double gi = g.get(i);
            double vi = beta2t * v.get(i) + (1 - beta2t) * (gi * gi + c.eps1());
            v.set(i, vi);
            double u = gi / Math.sqrt(vi);
            g.set(i, u);
            sumSq += u * u;
        }
        return sumSq;
    }

    private double factored(Buffers b, ParameterGroup group, int rows, int cols, double beta2t) {
        Vec g = b.grad();
        Vec s = b.slot(0);
        double sumSq = 0;
        for (int block = 0, blocks = group.length() / (rows * cols); block < blocks; block++) {
            int base = group.offset() + block * rows * cols;
            int rowStat = group.offset() + block * (rows + cols);
            int colStat = rowStat + rows;
            double rowSum = 0;
            for (int r = 0; r < rows; r++) {
                double sq = 0;
                for (int col = 0; col < cols; col++) {
                    double gi = g.get(base + r * cols + col);
                    sq += gi * gi + c.eps1();
                }
                double ri = beta2t * s.get(rowStat + r) + (1 - beta2t) * (sq / cols);
                s.set(rowStat + r, ri);
                rowSum += ri;
            }
            for (int col = 0; col < cols; col++) {
                double sq = 0;
                for (int r = 0; r < rows; r++) {
                    double gi = g.get(base + r * cols + col);
                    sq += gi * gi + c.eps1();
                }
                s.set(colStat + col, beta2t * s.get(colStat + col) + (1 - beta2t) * (sq / rows));
            }
            double rowMean = rowSum / rows;
            for (int r = 0; r < rows; r++) {
                double rf = 1 / Math.sqrt(s.get(rowStat + r) / rowMean);
                for (int col = 0; col < cols; col++) {
                    int i = base + r * cols + col;
                    double u = g.get(i) * rf / Math.sqrt(s.get(colStat + col));
                    g.set(i, u);
                    sumSq += u * u;
                }
            }
        }
        return sumSq;
    }

    /** p -= wd*alpha*p + update; the update is scale*U (alpha over the clipping factor) or its first moment. */
    private void apply(Buffers b, ParameterGroup group, double alpha, double scale) {
        Vec p = b.params();
        Vec u = b.grad();
        Vec m = c.beta1() > 0 ? b.slot(1) : null;
        double decay = c.weightDecay() * alpha;
        for (int i = group.offset(), end = group.end(); i < end; i++) {
            double step = scale * u.get(i);
            if (m != null) {
                step = c.beta1() * m.get(i) + (1 - c.beta1()) * step;
                m.set(i, step);
            }
            double pi = p.get(i);
            p.set(i, pi - decay * pi - step);
        }
    }
}
