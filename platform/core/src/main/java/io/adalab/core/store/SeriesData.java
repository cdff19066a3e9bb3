package io.adalab.core.store;

/**
 * A series as served: one point per bucket with the bucket's last step, minimum, maximum and last
 * value (equal for raw points), so spikes survive downsampling.
 *
 * @param steps step of each point (the bucket's last step)
 * @param min   minimum in the bucket
 * @param max   maximum in the bucket
 * @param last  last value in the bucket
 * @param level pyramid level read (0 = raw points)
 * @param raw   whether every point is an original point (no bucketing)
 */
public record SeriesData(long[] steps, double[] min, double[] max, double[] last, int level, boolean raw) {
    /** Number of points. */
    public int size() {
        return steps.length;
    }
}
