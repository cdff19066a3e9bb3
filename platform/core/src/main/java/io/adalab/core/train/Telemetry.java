package io.adalab.core.train;

import io.adalab.api.ParameterGroup;
import io.adalab.api.Vec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Optimizer-independent telemetry around every step, computed by the platform for any plugin:
 * gradient norm, update norm, update/parameter ratio per layer, and the effective learning rate
 * |Δθᵢ| / |gᵢ| as p10/p50/p90 per layer, on a fixed random sample of coordinates every few steps.
 *
 * <p>Cost per step: one pass over the gradient (norm and NaN check), one copy of the parameters,
 * one pass over parameters and their copy after the step. The quantiles touch only the sample.
 */
final class Telemetry {
    static final int LOSS = 0;
    static final int LR = 1;
    static final int GRAD_NORM = 2;
    static final int UPDATE_NORM = 3;
    static final int UPDATE_RATIO = 4;
    static final int EFF_P10 = 5;
    private static final String[] GLOBAL = {"loss", "lr", "grad_norm", "update_norm", "update_ratio",
        "eff_lr_p10", "eff_lr_p50", "eff_lr_p90"};
    private static final String[] PER_GROUP = {"grad_norm/", "update_ratio/", "eff_lr_p10/", "eff_lr_p50/", "eff_lr_p90/"};

    private final List<ParameterGroup> groups;
    private final Vec prev;
    private final int[][] sample;
    private final double[][] sampledGrad;
    private final double[] groupGradSq;
    private final double[] pair = new double[2];
    private final List<String> series = new ArrayList<>();
    private final int drivenOffset;
    private final String[] drivenNames;

    Telemetry(List<ParameterGroup> groups, Vec params, int sampleSize, long seed, List<String> driven) {
        this.groups = groups;
        this.prev = params.copy();
        this.sample = new int[groups.size()][];
        this.sampledGrad = new double[groups.size()][];
        this.groupGradSq = new double[groups.size()];
        SplittableRandom rnd = new SplittableRandom(seed * 31 + 7);
        for (int g = 0; g < groups.size(); g++) {
            sample[g] = sampleIndices(groups.get(g), sampleSize, rnd);
            sampledGrad[g] = new double[sample[g].length];
        }
        series.addAll(Arrays.asList(GLOBAL));
        for (ParameterGroup g : groups) {
            for (String p : PER_GROUP) {
                series.add(p + g.name());
            }
        }
        drivenOffset = series.size();
        drivenNames = driven.toArray(String[]::new);
        series.addAll(driven);
    }

    private static int[] sampleIndices(ParameterGroup g, int size, SplittableRandom rnd) {
        if (g.length() <= size) {
            int[] all = new int[g.length()];
            for (int i = 0; i < all.length; i++) {
                all[i] = g.offset() + i;
            }
            return all;
        }
        // Floyd's algorithm: `size` distinct indices, sorted for cache-friendly access
        java.util.TreeSet<Integer> chosen = new java.util.TreeSet<>();
        for (int j = g.length() - size; j < g.length(); j++) {
            int r = rnd.nextInt(j + 1);
            chosen.add(chosen.contains(r) ? j : r);
        }
        return chosen.stream().mapToInt(i -> g.offset() + i).toArray();
    }

    /** Names of the per-step values, in order. */
    List<String> series() {
        return series;
    }

    /**
     * Before the step: gradient norms (NaN if any element is not finite), a copy of the parameters,
     * and the sampled gradient values when quantiles are due.
     */
    double before(Vec params, Vec grad, boolean quantiles) {
        double total = 0;
        for (int g = 0; g < groups.size(); g++) {
            ParameterGroup pg = groups.get(g);
            double s = Norms.sumSquares(grad, pg.offset(), pg.end());
            groupGradSq[g] = s;
            total += s;
            if (quantiles) {
                int[] idx = sample[g];
                double[] out = sampledGrad[g];
                for (int k = 0; k < idx.length; k++) {
                    out[k] = grad.get(idx[k]);
                }
            }
        }
        copy(params, prev);
        return Math.sqrt(total);
    }

    /** After the step: fills {@code values} from index 2 on; returns the update norm (NaN if parameters are not finite). */
    double after(Vec params, double gradNorm, boolean quantiles, double[] values, java.util.Map<String, Double> driven) {
        values[GRAD_NORM] = gradNorm;
        double du = 0;
        double pp = 0;
        double[] pooled = quantiles ? new double[totalSample()] : null;
        int pooledN = 0;
        int col = GLOBAL.length;
        for (int g = 0; g < groups.size(); g++) {
            ParameterGroup pg = groups.get(g);
            Norms.deltaAndSquares(params, prev, pg.offset(), pg.end(), pair);
            double d2 = pair[0];
            double p2 = pair[1];
            du += d2;
            pp += p2;
            values[col++] = Math.sqrt(groupGradSq[g]);
            values[col++] = p2 > 0 ? Math.sqrt(d2 / p2) : Double.NaN;
            if (quantiles) {
                double[] eff = effective(g, params);
                System.arraycopy(eff, 0, pooled, pooledN, eff.length);
                pooledN += eff.length;
                quantiles(eff, eff.length, values, col);
            } else {
                values[col] = values[col + 1] = values[col + 2] = Double.NaN;
            }
            col += 3;
        }
        double updateNorm = Math.sqrt(du);
        values[UPDATE_NORM] = updateNorm;
        values[UPDATE_RATIO] = pp > 0 ? Math.sqrt(du / pp) : Double.NaN;
        if (quantiles) {
            quantiles(pooled, pooledN, values, EFF_P10);
        } else {
            values[EFF_P10] = values[EFF_P10 + 1] = values[EFF_P10 + 2] = Double.NaN;
        }
        for (int k = 0; k < drivenNames.length; k++) {
            Double v = driven.get(drivenNames[k]);
            values[drivenOffset + k] = v == null ? Double.NaN : v;
        }
        return updateNorm;
    }

    private int totalSample() {
        int n = 0;
        for (int[] s : sample) {
            n += s.length;
        }
        return n;
    }

    /** |Δθᵢ| / |gᵢ| on the sample, skipping zero gradients; sorted. */
    private double[] effective(int g, Vec params) {
        int[] idx = sample[g];
        double[] gs = sampledGrad[g];
        double[] out = new double[idx.length];
        int n = 0;
        for (int k = 0; k < idx.length; k++) {
            double gk = Math.abs(gs[k]);
            if (gk > 0) {
                out[n++] = Math.abs(params.get(idx[k]) - prev.get(idx[k])) / gk;
            }
        }
        double[] r = Arrays.copyOf(out, n);
        Arrays.sort(r);
        return r;
    }

    private static void quantiles(double[] v, int n, double[] out, int at) {
        if (n == 0) {
            out[at] = out[at + 1] = out[at + 2] = Double.NaN;
            return;
        }
        double[] s = n == v.length ? v : Arrays.copyOf(v, n);
        Arrays.sort(s);
        out[at] = quantile(s, 0.1);
        out[at + 1] = quantile(s, 0.5);
        out[at + 2] = quantile(s, 0.9);
    }

    /** Linear interpolation between order statistics (numpy's default). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    static void copy(Vec src, Vec dst) {
        if (src instanceof Vec.F32 a && dst instanceof Vec.F32 b) {
            System.arraycopy(a.array(), 0, b.array(), 0, a.length());
        } else if (src instanceof Vec.F64 a && dst instanceof Vec.F64 b) {
            System.arraycopy(a.array(), 0, b.array(), 0, a.length());
        } else {
            dst.copyFrom(src);
        }
    }
}
