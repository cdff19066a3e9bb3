package io.adalab.core.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Accumulates one series of one run into chunks: level 0 holds every point, level 1 one
 * (min, max, last) bucket per {@value #FANOUT} points, level 2 one per {@value #FANOUT}² points.
 * Chunks that changed since the last {@link #drain(boolean)} are handed out for writing; a chunk
 * keeps its number while it fills, so re-writing it replaces the earlier partial copy.
 */
final class SeriesPyramid {
    static final int CHUNK = 1024;
    static final int FANOUT = 32;
    static final int LEVELS = 3;

    /** A chunk ready to be (re)written. */
    record Pending(int level, int chunkNo, long firstStep, long lastStep, int n, byte[] payload) {
    }

    private final Level[] levels = new Level[LEVELS];

    SeriesPyramid() {
        for (int l = 0; l < LEVELS; l++) {
            levels[l] = new Level(l);
        }
    }

    void add(long step, double value) {
        levels[0].add(step, value, value, value);
    }

    /** Chunks changed since the last call; with {@code closing}, partial buckets are emitted too. */
    List<Pending> drain(boolean closing) {
        List<Pending> out = new ArrayList<>();
        for (Level l : levels) {
            if (closing) {
                l.closeBucket();
            }
        }
        for (Level l : levels) {
            l.drain(out);
        }
        return out;
    }

    private final class Level {
        private final int level;
        private final boolean aggregated;
        private int chunkNo;
        private final long[] steps = new long[CHUNK];
        private final double[] min = new double[CHUNK];
        private final double[] max = new double[CHUNK];
        private final double[] last = new double[CHUNK];
        private int n;
        private boolean dirty;
        private final List<Pending> full = new ArrayList<>();
        // bucket feeding the next level
        private int bucketN;
        private double bMin = Double.POSITIVE_INFINITY;
        private double bMax = Double.NEGATIVE_INFINITY;
        private double bLast;
        private long bStep;

        Level(int level) {
            this.level = level;
            this.aggregated = level > 0;
        }

        void add(long step, double mn, double mx, double ls) {
            steps[n] = step;
            min[n] = mn;
            max[n] = mx;
            last[n] = ls;
            n++;
            dirty = true;
            if (n == CHUNK) {
                full.add(pending());
                chunkNo++;
                n = 0;
                dirty = false;
            }
            if (level + 1 < LEVELS) {
                bMin = Math.min(bMin, mn);
                bMax = Math.max(bMax, mx);
                bLast = ls;
                bStep = step;
                if (++bucketN == FANOUT) {
                    closeBucket();
                }
            }
        }

        void closeBucket() {
            if (bucketN > 0 && level + 1 < LEVELS) {
                levels[level + 1].add(bStep, bMin, bMax, bLast);
            }
            bucketN = 0;
            bMin = Double.POSITIVE_INFINITY;
            bMax = Double.NEGATIVE_INFINITY;
        }

        void drain(List<Pending> out) {
            out.addAll(full);
            full.clear();
            if (dirty && n > 0) {
                out.add(pending());
                dirty = false;
            }
        }

        private Pending pending() {
            double[][] cols = aggregated ? new double[][] {min, max, last} : new double[][] {last};
            return new Pending(level, chunkNo, steps[0], steps[n - 1], n, ChunkCodec.encode(steps, cols, n));
        }
    }
}
