package io.adalab.server.http;

import io.adalab.core.store.SeriesData;
import java.util.Arrays;

/**
 * Exponential moving average over every raw point of a series, then bucketed: smoothing the
 * downsampled curve instead (what other dashboards do) lets the bucketing decide the result and
 * shifts curves when the user zooms. Debiased like Adam's moments, so the start is not pulled to 0.
 */
final class Smoothing {
    private Smoothing() {
    }

    /**
     * Smooths {@code raw} (all points from the series' start) with weight {@code alpha} on the past, keeps steps
     * in {@code [from, to]} and buckets them into at most {@code points} (min, max, last) points.
     *
     * @return the bucketed series and the EMA state after the last point: {biased value, count}
     */
    static Result smooth(SeriesData raw, double alpha, long from, long to, int points) {
        int n = raw.size();
        double[] sm = new double[n];
        double ema = 0;
        double decay = 1;
        for (int i = 0; i < n; i++) {
            ema = alpha * ema + (1 - alpha) * raw.last()[i];
            decay *= alpha;
            sm[i] = ema / (1 - decay);
        }
        int lo = 0;
        while (lo < n && raw.steps()[lo] < from) {
            lo++;
        }
        int hi = n;
        while (hi > lo && raw.steps()[hi - 1] > to) {
            hi--;
        }
        int count = hi - lo;
        int buckets = Math.min(count, Math.max(1, points));
        long[] s = new long[buckets];
        double[] mn = new double[buckets];
        double[] mx = new double[buckets];
        double[] ls = new double[buckets];
        Arrays.fill(mn, Double.POSITIVE_INFINITY);
        Arrays.fill(mx, Double.NEGATIVE_INFINITY);
        for (int i = lo; i < hi; i++) {
            int b = (int) ((long) (i - lo) * buckets / count);
            mn[b] = Math.min(mn[b], sm[i]);
            mx[b] = Math.max(mx[b], sm[i]);
            ls[b] = sm[i];
            s[b] = raw.steps()[i];
        }
        return new Result(new SeriesData(s, mn, mx, ls, raw.level(), buckets == count), ema, n);
    }

    /** Smoothed series and the state a live client continues from. */
    record Result(SeriesData data, double biasedEma, long count) {
    }
}
