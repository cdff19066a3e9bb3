package io.adalab.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads stored series back, downsampled on the server: it picks the finest pyramid level whose
 * points in the range are few enough, decodes only the chunks overlapping the range, and
 * re-buckets into at most {@code maxPoints} (min, max, last) points.
 */
public final class SeriesReader {
    /** Name of the series holding each recorded step's wall time in seconds since the run started. */
    public static final String WALL = "wall_time";
    private final Database db;

    public SeriesReader(Database db) {
        this.db = db;
    }

    /** Names of the stored series of a run. */
    public List<String> names(long runId) {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
            "SELECT DISTINCT series FROM series_chunk WHERE run_id = ? AND lvl = 0 ORDER BY series")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("listing series of run " + runId, e);
        }
        return out;
    }

    /** Every raw point of a series (exports). */
    public SeriesData readAll(long runId, String series) {
        return read(runId, series, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** The series between steps {@code from} and {@code to} (inclusive) as at most {@code maxPoints} points. */
    public SeriesData read(long runId, String series, long from, long to, int maxPoints) {
        try (Connection c = db.connection()) {
            int level = 0;
            for (int l = 0; l < SeriesPyramid.LEVELS; l++) {
                level = l;
                long count = count(c, runId, series, l, from, to);
                // the finest level that needs at most FANOUT source points per output point (or the coarsest)
                if (count <= (long) SeriesPyramid.FANOUT * maxPoints) {
                    break;
                }
            }
            Columns all = load(c, runId, series, level, from, to);
            if (level == 0 && all.n <= maxPoints) {
                return new SeriesData(all.steps(), all.last(), all.last(), all.last(), 0, true);
            }
            return bucket(all, maxPoints, level);
        } catch (SQLException e) {
            throw new StoreException("reading series " + series + " of run " + runId, e);
        }
    }

    private static long count(Connection c, long runId, String series, int level, long from, long to) throws SQLException {
        // chunks cut by the range count in proportion to the overlap (steps are near-uniform in a chunk)
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(CASE WHEN first_step >= ? AND last_step <= ? THEN n "
            + "ELSE n * (LEAST(last_step, ?) - GREATEST(first_step, ?) + 1) / (last_step - first_step + 1) END), 0) "
            + "FROM series_chunk WHERE run_id = ? AND series = ? AND lvl = ? AND last_step >= ? AND first_step <= ?")) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            ps.setLong(3, to);
            ps.setLong(4, from);
            ps.setLong(5, runId);
            ps.setString(6, series);
            ps.setInt(7, level);
            ps.setLong(8, from);
            ps.setLong(9, to);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private record Columns(long[] stepsArr, double[] minArr, double[] maxArr, double[] lastArr, int n) {
        long[] steps() {
            return Arrays.copyOf(stepsArr, n);
        }

        double[] last() {
            return Arrays.copyOf(lastArr, n);
        }
    }

    private static Columns load(Connection c, long runId, String series, int level, long from, long to) throws SQLException {
        long[] steps = new long[1024];
        double[] mn = new double[1024];
        double[] mx = new double[1024];
        double[] ls = new double[1024];
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT payload FROM series_chunk WHERE run_id = ? AND series = ? "
            + "AND lvl = ? AND last_step >= ? AND first_step <= ? ORDER BY chunk_no")) {
            ps.setLong(1, runId);
            ps.setString(2, series);
            ps.setInt(3, level);
            ps.setLong(4, from);
            ps.setLong(5, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ChunkCodec.Chunk ch = ChunkCodec.decode(rs.getBytes(1));
                    double[][] cols = ch.columns();
                    boolean agg = cols.length == 3;
                    for (int i = 0; i < ch.steps().length; i++) {
                        long s = ch.steps()[i];
                        if (s < from || s > to) {
                            continue;
                        }
                        if (n == steps.length) {
                            steps = Arrays.copyOf(steps, n * 2);
                            mn = Arrays.copyOf(mn, n * 2);
                            mx = Arrays.copyOf(mx, n * 2);
                            ls = Arrays.copyOf(ls, n * 2);
                        }
                        steps[n] = s;
                        mn[n] = agg ? cols[0][i] : cols[0][i];
                        mx[n] = agg ? cols[1][i] : cols[0][i];
                        ls[n] = agg ? cols[2][i] : cols[0][i];
                        n++;
                    }
                }
            }
        }
        return new Columns(steps, mn, mx, ls, n);
    }

    /** Equal-width buckets over the step range; empty buckets are dropped. */
    private static SeriesData bucket(Columns a, int maxPoints, int level) {
        if (a.n == 0) {
            return new SeriesData(new long[0], new double[0], new double[0], new double[0], level, false);
        }
        int buckets = Math.max(1, Math.min(maxPoints, a.n));
        long lo = a.stepsArr[0];
        long hi = a.stepsArr[a.n - 1];
        double width = Math.max(1.0, (hi - lo + 1) / (double) buckets);
        long[] s = new long[buckets];
        double[] mn = new double[buckets];
        double[] mx = new double[buckets];
        double[] ls = new double[buckets];
        int out = -1;
        int current = -1;
        for (int i = 0; i < a.n; i++) {
            int b = (int) Math.min(buckets - 1, (long) ((a.stepsArr[i] - lo) / width));
            if (b != current) {
                current = b;
                out++;
                mn[out] = a.minArr[i];
                mx[out] = a.maxArr[i];
            } else {
                mn[out] = Math.min(mn[out], a.minArr[i]);
                mx[out] = Math.max(mx[out], a.maxArr[i]);
            }
            s[out] = a.stepsArr[i];
            ls[out] = a.lastArr[i];
        }
        int k = out + 1;
        return new SeriesData(Arrays.copyOf(s, k), Arrays.copyOf(mn, k), Arrays.copyOf(mx, k), Arrays.copyOf(ls, k), level, false);
    }
}
