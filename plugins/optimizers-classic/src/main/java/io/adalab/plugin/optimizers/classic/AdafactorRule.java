package io.adalab.plugin.optimizers.classic;

import io.adalab.api.Buffers;
import io.adalab.api.ParameterGroup;
import io.adalab.api.StepContext;
import io.adalab.api.UpdateRule;
import io.adalab.api.Vec;
import java.util.List;

/**
 * The per-run side of {@link Adafactor}. Slot 0 holds the second-moment statistics, group after
 * group: a factored group keeps, for each block of shape {@code R x C}, its {@code R} row
 * statistics and then its {@code C} column statistics; another group keeps its unfactored
 * {@code v}. So slot 0 is as short as the paper promises ({@link #slotLength}). Slot 1 is the
 * first moment when {@code beta1 > 0}. The gradient buffer is used as scratch for the unclipped
 * update.
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

    @Override public int slotLength(int k, List<ParameterGroup> groups) {
        if (k > 0) {
            return UpdateRule.super.slotLength(k, groups);
        }
        int n = 0;
        for (ParameterGroup g : groups) {
            n += statistics(g);
        }
        return n;
    }

    /** {rows, cols} of the blocks a group is factored into, or null if it is not factored. */
    private static int[] factors(ParameterGroup group) {
        long[] shape = group.shape();
        int rank = shape.length;
        int rows = rank >= 2 ? (int) shape[rank - 2] : 0;
        int cols = rank >= 2 ? (int) shape[rank - 1] : 0;
        return rows >= 2 && cols >= 2 && (long) rows * cols * (group.length() / (rows * cols)) == group.length()
            ? new int[] {rows, cols} : null;
    }

    /** Elements of slot 0 a group needs. */
    private static int statistics(ParameterGroup group) {
        int[] f = factors(group);
        return f == null ? group.length() : group.length() / (f[0] * f[1]) * (f[0] + f[1]);
    }

    @Override public void step(Buffers b, StepContext ctx) {
        long t = ctx.step();
        double beta2t = 1 - Math.pow(t, c.decayRate());
        int stats = 0;
        for (ParameterGroup group : b.groups()) {
            double alpha = stepSize(b.params(), group, t, ctx.learningRate());
            int[] f = factors(group);
            double sumSq = f != null ? factored(b, group, stats, f[0], f[1], beta2t) : unfactored(b, group, stats, beta2t);
            stats += statistics(group);
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

    /** @param stats where the group's statistics start in slot 0 */
    private double unfactored(Buffers b, ParameterGroup group, int stats, double beta2t) {
        Vec g = b.grad();
        Vec v = b.slot(0);
        double sumSq = 0;
        for (int i = group.offset(), end = group.end(), at = stats; i < end; i++, at++) {
            double gi = g.get(i);
            double vi = beta2t * v.get(at) + (1 - beta2t) * (gi * gi + c.eps1());
            v.set(at, vi);
            double u = gi / Math.sqrt(vi);
            g.set(i, u);
            sumSq += u * u;
        }
        return sumSq;
    }

    private double factored(Buffers b, ParameterGroup group, int stats, int rows, int cols, double beta2t) {
        Vec g = b.grad();
        Vec s = b.slot(0);
        double sumSq = 0;
        for (int block = 0, blocks = group.length() / (rows * cols); block < blocks; block++) {
            int base = group.offset() + block * rows * cols;
            int rowStat = stats + block * (rows + cols);
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
