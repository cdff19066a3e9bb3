package io.adalab.core.store;

import io.adalab.core.events.RunEvent;
import io.adalab.core.events.RunListener;
import io.adalab.core.events.RunStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes run events to the store on its own thread, in order, in batches. Lossless: when the queue
 * ({@value #CAPACITY} events) is full the producing run waits, which only happens if the database
 * stalls. Series are buffered into chunks ({@link SeriesPyramid}) and partial chunks are written
 * every {@value #FLUSH_MILLIS} ms, so a crash loses at most about a second; {@link #close()} and
 * {@link #flush()} write everything.
 */
public final class MetricWriter implements RunListener, AutoCloseable {
    static final int CAPACITY = 65_536;
    static final long FLUSH_MILLIS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(MetricWriter.class);
    private static final Object STOP = new Object();

    private final Database db;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread thread;
    private final Map<Long, RunSeries> runs = new HashMap<>();
    private final AtomicLong written = new AtomicLong();
    private volatile Throwable failure;

    private record Barrier(CountDownLatch done) {
    }

    private static final class RunSeries {
        final List<String> names;
        final Map<String, SeriesPyramid> pyramids = new HashMap<>();
        final SeriesPyramid wall = new SeriesPyramid();

        RunSeries(List<String> names) {
            this.names = names;
            names.forEach(n -> pyramids.put(n, new SeriesPyramid()));
        }
    }

    public MetricWriter(Database db) {
        this.db = db;
        this.thread = new Thread(this::loop, "adalab-metric-writer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override public void onEvent(RunEvent event) {
        try {
            queue.put(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Events waiting to be written. */
    public int queueDepth() {
        return queue.size();
    }

    /** Step records received and buffered for writing so far. */
    public long pointsWritten() {
        return written.get();
    }

    /** Blocks until everything received so far is in the database. */
    public void flush() {
        CountDownLatch l = new CountDownLatch(1);
        try {
            queue.put(new Barrier(l));
            while (!l.await(100, TimeUnit.MILLISECONDS)) {
                if (!thread.isAlive()) {
                    throw new StoreException("metric writer stopped", failure == null ? new IllegalStateException() : failure);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override public void close() {
        try {
            queue.put(STOP);
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        long lastFlush = System.currentTimeMillis();
        try {
            while (true) {
                Object o = queue.poll(FLUSH_MILLIS, TimeUnit.MILLISECONDS);
                if (o == STOP) {
                    writeChunks(true);
                    return;
                }
                if (o instanceof Barrier b) {
                    writeChunks(false);
                    b.done().countDown();
                } else if (o instanceof RunEvent e) {
                    handle(e);
                }
                if (System.currentTimeMillis() - lastFlush >= FLUSH_MILLIS) {
                    writeChunks(false);
                    lastFlush = System.currentTimeMillis();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | SQLException e) {
            failure = e;
            LOG.error("metric writer stopped: {}", e.toString(), e);
        }
    }

    private void handle(RunEvent e) throws SQLException {
        if (e instanceof RunEvent.Started s) {
            RunSeries rs = new RunSeries(s.series());
            if (s.resumed()) {
                resume(s.runId(), s.resumedAfter(), rs);
            }
            runs.put(s.runId(), rs);
            update("UPDATE run SET series = ?, parameter_count = ? WHERE id = ?",
                Json.write(s.series()), s.parameterCount(), s.runId());
        } else if (e instanceof RunEvent.Checkpoint cp) {
            // the series up to the checkpoint first, so a resumed run continues them without a gap
            writeChunks(false, cp.runId());
            try (Connection c = db.connection()) {
                c.setAutoCommit(false);
                try (PreparedStatement del = c.prepareStatement("DELETE FROM checkpoint WHERE run_id = ?");
                     PreparedStatement ins = c.prepareStatement(
                         "INSERT INTO checkpoint (run_id, step, state, created_at) VALUES (?, ?, ?, ?)")) {
                    del.setLong(1, cp.runId());
                    del.executeUpdate();
                    ins.setLong(1, cp.runId());
                    ins.setLong(2, cp.step());
                    ins.setBytes(3, cp.state());
                    ins.setObject(4, RunStore.now());
                    ins.executeUpdate();
                    c.commit();
                } catch (SQLException ex) {
                    c.rollback();
                    throw ex;
                }
            }
        } else if (e instanceof RunEvent.Step s) {
            RunSeries rs = runs.get(s.runId());
            if (rs == null) {
                return;
            }
            double[] v = s.values();
            for (int i = 0; i < v.length; i++) {
                if (!Double.isNaN(v[i])) {
                    rs.pyramids.get(rs.names.get(i)).add(s.step(), v[i]);
                }
            }
            rs.wall.add(s.step(), s.wallSeconds());
            written.incrementAndGet();
        } else if (e instanceof RunEvent.Epoch ep) {
            writeEpoch(ep);
        } else if (e instanceof RunEvent.Status st) {
            if (st.status() == RunStatus.RUNNING) {
                update("UPDATE run SET status = ?, started_at = ? WHERE id = ?", st.status().name(), RunStore.now(), st.runId());
            } else if (st.status().terminal()) {
                writeChunks(true, st.runId());
                runs.remove(st.runId());
                if (st.status() == RunStatus.FINISHED || st.status() == RunStatus.DIVERGED) {
                    update("DELETE FROM checkpoint WHERE run_id = ?", st.runId()); // nothing left to resume
                }
                Double steps = st.finalMetrics().get("steps");
                update("UPDATE run SET status = ?, message = ?, finished_at = ?, final_metrics = ?, steps = ? WHERE id = ?",
                    st.status().name(), st.message(), RunStore.now(), Json.write(st.finalMetrics()),
                    steps == null ? null : steps.longValue(), st.runId());
            } else {
                update("UPDATE run SET status = ? WHERE id = ?", st.status().name(), st.runId());
            }
        }
    }

    /**
     * A run continues after {@code after}: what it recorded beyond that step is void. Its stored
     * points up to there are read back into fresh pyramids (rewritten at the next flush) and
     * everything stored for it is cleared, so the series go on from {@code after} without a gap.
     */
    private void resume(long runId, long after, RunSeries rs) throws SQLException {
        SeriesReader reader = new SeriesReader(db);
        for (Map.Entry<String, SeriesPyramid> e : rs.pyramids.entrySet()) {
            refill(reader.read(runId, e.getKey(), Long.MIN_VALUE, after, Integer.MAX_VALUE), e.getValue());
        }
        refill(reader.read(runId, SeriesReader.WALL, Long.MIN_VALUE, after, Integer.MAX_VALUE), rs.wall);
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement chunks = c.prepareStatement("DELETE FROM series_chunk WHERE run_id = ?");
                 PreparedStatement epochs = c.prepareStatement("DELETE FROM epoch_metric WHERE run_id = ? AND step >= ?")) {
                chunks.setLong(1, runId);
                chunks.executeUpdate();
                // an epoch that ended at the checkpoint's step is evaluated again by the resumed run
                epochs.setLong(1, runId);
                epochs.setLong(2, after);
                epochs.executeUpdate();
                c.commit();
            } catch (SQLException ex) {
                c.rollback();
                throw ex;
            }
        }
    }

    private static void refill(SeriesData d, SeriesPyramid into) {
        if (!d.raw()) {
            throw new StoreException("series of a resumed run could not be read back raw", new IllegalStateException());
        }
        for (int i = 0; i < d.steps().length; i++) {
            into.add(d.steps()[i], d.last()[i]);
        }
    }

    private void writeEpoch(RunEvent.Epoch ep) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
            "INSERT INTO epoch_metric (run_id, epoch, step, wall_seconds, name, metric_value) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, Double> m : ep.metrics().entrySet()) {
                ps.setLong(1, ep.runId());
                ps.setInt(2, ep.epoch());
                ps.setLong(3, ep.step());
                ps.setDouble(4, ep.wallSeconds());
                ps.setString(5, m.getKey());
                if (Double.isFinite(m.getValue())) {
                    ps.setDouble(6, m.getValue());
                } else {
                    ps.setNull(6, java.sql.Types.DOUBLE);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void writeChunks(boolean closing) throws SQLException {
        for (Long id : List.copyOf(runs.keySet())) {
            writeChunks(closing, id);
        }
    }

    private void writeChunks(boolean closing, long runId) throws SQLException {
        RunSeries rs = runs.get(runId);
        if (rs == null) {
            return;
        }
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement(
                     "DELETE FROM series_chunk WHERE run_id = ? AND series = ? AND lvl = ? AND chunk_no = ?");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO series_chunk "
                     + "(run_id, series, lvl, chunk_no, first_step, last_step, n, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                int batched = 0;
                for (Map.Entry<String, SeriesPyramid> e : rs.pyramids.entrySet()) {
                    batched += add(del, ins, runId, e.getKey(), e.getValue().drain(closing));
                }
                batched += add(del, ins, runId, SeriesReader.WALL, rs.wall.drain(closing));
                if (batched > 0) {
                    del.executeBatch();
                    ins.executeBatch();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private int add(PreparedStatement del, PreparedStatement ins, long runId, String series,
                    List<SeriesPyramid.Pending> chunks) throws SQLException {
        for (SeriesPyramid.Pending p : chunks) {
            del.setLong(1, runId);
            del.setString(2, series);
            del.setInt(3, p.level());
            del.setInt(4, p.chunkNo());
            del.addBatch();
            ins.setLong(1, runId);
            ins.setString(2, series);
            ins.setInt(3, p.level());
            ins.setInt(4, p.chunkNo());
            ins.setLong(5, p.firstStep());
            ins.setLong(6, p.lastStep());
            ins.setInt(7, p.n());
            ins.setBytes(8, p.payload());
            ins.addBatch();
        }
        return chunks.size();
    }

    private void update(String sql, Object... args) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
