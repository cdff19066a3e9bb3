package io.adalab.server.live;

import java.util.Arrays;

/**
 * The iterates of one 2-D run, appended by the run's thread and read by others. Arrays only grow
 * and are published before the count, so a reader that reads {@link #size()} first sees complete
 * points.
 */
public final class Track {
    /** Points kept per run; a longer run stops recording (the curve beyond is rarely informative). */
    public static final int MAX_POINTS = 1_000_000;
    private volatile double[] xs = new double[1024];
    private volatile double[] ys = new double[1024];
    private volatile int n;

    void add(double x, double y) {
        int i = n;
        if (i >= MAX_POINTS) {
            return;
        }
        if (i == xs.length) {
            ys = Arrays.copyOf(ys, i * 2);
            xs = Arrays.copyOf(xs, i * 2);
        }
        xs[i] = x;
        ys[i] = y;
        n = i + 1;
    }

    /** Number of recorded points. */
    public int size() {
        return n;
    }

    /** Point {@code i} as {x, y}, or null when not recorded (yet). */
    public double[] at(int i) {
        int size = n;
        if (i < 0 || i >= size) {
            return null;
        }
        return new double[] {xs[i], ys[i]};
    }

    /** Points {@code [from, to)} thinned to at most about {@code max}, as {xs, ys, indices}; ends on the newest. */
    public double[][] slice(int from, int to, int max) {
        int size = n;
        double[] x = xs;
        double[] y = ys;
        int lo = Math.max(0, from);
        int hi = Math.min(size, to);
        int count = Math.max(0, hi - lo);
        int stride = Math.max(1, (count + Math.max(1, max) - 1) / Math.max(1, max));
        int k = (count + stride - 1) / stride;
        boolean addLast = count > 0 && lo + (k - 1) * stride != hi - 1;
        double[][] out = new double[3][k + (addLast ? 1 : 0)];
        for (int j = 0; j < k; j++) {
            int i = lo + j * stride;
            out[0][j] = x[i];
            out[1][j] = y[i];
            out[2][j] = i;
        }
        if (addLast) {
            out[0][k] = x[hi - 1];
            out[1][k] = y[hi - 1];
            out[2][k] = hi - 1;
        }
        return out;
    }

    /** Rebuilds a track from stored points. */
    static Track of(double[] x, double[] y) {
        Track t = new Track();
        for (int i = 0; i < x.length; i++) {
            t.add(x[i], y[i]);
        }
        return t;
    }
}
