package io.adalab.core.store;

import io.adalab.core.events.RunStatus;
import io.adalab.core.spec.ExperimentPlan;
import io.adalab.core.spec.RunSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** Experiments and runs: creating them, reading them back, and their per-epoch metrics. */
public final class RunStore {
    /** The Adalab version stored with every experiment for provenance. */
    public static final String CODE_VERSION = codeVersion();
    private static final String RUN_COLUMNS = "r.id, r.experiment_id, e.name, r.idx, r.label, r.optimizer, r.optimizer_plugin, "
        + "r.optimizer_version, r.hyperparameters, r.seed, r.status, r.message, r.queued_at, r.started_at, r.finished_at, "
        + "r.steps, r.parameter_count, r.series, r.final_metrics, r.spec";
    private final Database db;

    public RunStore(Database db) {
        this.db = db;
    }

    /** The database underneath. */
    public Database database() {
        return db;
    }

    /** A stored experiment and the ids of its runs, in plan order. */
    public record CreatedExperiment(long id, List<Long> runIds) {
    }

    /** Stores an experiment and its runs (all QUEUED) in one transaction. */
    public CreatedExperiment create(ExperimentPlan plan) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                long expId;
                try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO experiment (name, description, spec_source, created_at, code_version) VALUES (?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                    ps.setString(1, plan.name());
                    ps.setString(2, plan.description());
                    ps.setString(3, plan.source());
                    ps.setObject(4, now());
                    ps.setString(5, CODE_VERSION);
                    ps.executeUpdate();
                    expId = key(ps);
                }
                List<Long> ids = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO run (experiment_id, idx, config_index, label, "
                    + "optimizer, optimizer_plugin, optimizer_version, hyperparameters, seed, spec, status, queued_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    for (RunSpec r : plan.runs()) {
                        ps.setLong(1, expId);
                        ps.setInt(2, r.index());
                        ps.setInt(3, r.configIndex());
                        ps.setString(4, r.label());
                        ps.setString(5, r.optimizer().id());
                        ps.setString(6, r.optimizer().registered().pluginId());
                        ps.setString(7, r.optimizer().registered().pluginVersion());
                        ps.setString(8, Json.write(r.optimizer().hyperparameters().asMap()));
                        ps.setLong(9, r.seed());
                        Map<String, Object> spec = new LinkedHashMap<>(r.describe());
                        spec.put("code_version", CODE_VERSION);
                        ps.setString(10, Json.write(spec));
                        ps.setString(11, RunStatus.QUEUED.name());
                        ps.setObject(12, now());
                        ps.executeUpdate();
                        ids.add(key(ps));
                    }
                }
                c.commit();
                return new CreatedExperiment(expId, ids);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("storing experiment " + plan.name(), e);
        }
    }

    /** Marks runs left QUEUED or RUNNING by a previous process as INTERRUPTED; returns how many. */
    public int interruptLeftovers() {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
            "UPDATE run SET status = ?, message = ?, finished_at = ? WHERE status IN ('QUEUED', 'RUNNING')")) {
            ps.setString(1, RunStatus.INTERRUPTED.name());
            ps.setString(2, "the process running it stopped before it finished");
            ps.setObject(3, now());
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("marking interrupted runs", e);
        }
    }

    /** The spec text an experiment was created from. */
    public Optional<String> experimentSource(long experimentId) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT spec_source FROM experiment WHERE id = ?")) {
            ps.setLong(1, experimentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("reading experiment " + experimentId, e);
        }
    }

    /**
     * A run's latest checkpoint: the step after which it was taken and the serialized training state.
     *
     * @param step  optimizer steps done when it was taken
     * @param state the trainer's serialized state
     */
    public record Checkpoint(long step, byte[] state) {
    }

    /** The latest checkpoint of a run, if it kept one. */
    public Optional<Checkpoint> checkpoint(long runId) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
            "SELECT step, state FROM checkpoint WHERE run_id = ? ORDER BY step DESC LIMIT 1")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Checkpoint(rs.getLong(1), rs.getBytes(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("reading the checkpoint of run " + runId, e);
        }
    }

    /** Puts an ended run back in the queue (resuming): QUEUED, no end time until it ends again. */
    public void requeue(long runId, String message) {
        setStatus(runId, RunStatus.QUEUED, message, null);
    }

    /** Sets an ended run's status back, e.g. when queueing it again failed. */
    public void restoreStatus(long runId, RunStatus status, String message) {
        setStatus(runId, status, message, now());
    }

    private void setStatus(long runId, RunStatus status, String message, OffsetDateTime finished) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
            "UPDATE run SET status = ?, message = ?, finished_at = ? WHERE id = ?")) {
            ps.setString(1, status.name());
            ps.setString(2, message);
            if (finished == null) {
                ps.setNull(3, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                ps.setObject(3, finished);
            }
            ps.setLong(4, runId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("setting the status of run " + runId, e);
        }
    }

    /** Filter for {@link #runs(RunFilter)}; null fields match everything. */
    public record RunFilter(Long experimentId, String experimentName, RunStatus status, String optimizer, Integer limit) {
        /** Everything. */
        public static RunFilter all() {
            return new RunFilter(null, null, null, null, null);
        }
    }

    /** Runs matching {@code f}, newest experiment first, then plan order. */
    public List<RunRecord> runs(RunFilter f) {
        StringBuilder sql = new StringBuilder("SELECT " + RUN_COLUMNS + " FROM run r JOIN experiment e ON e.id = r.experiment_id WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (f.experimentId() != null) {
            sql.append(" AND r.experiment_id = ?");
            args.add(f.experimentId());
        }
        if (f.experimentName() != null) {
            sql.append(" AND e.name = ?");
            args.add(f.experimentName());
        }
        if (f.status() != null) {
            sql.append(" AND r.status = ?");
            args.add(f.status().name());
        }
        if (f.optimizer() != null) {
            sql.append(" AND r.optimizer = ?");
            args.add(f.optimizer());
        }
        sql.append(" ORDER BY r.experiment_id DESC, r.idx");
        if (f.limit() != null) {
            sql.append(" LIMIT ").append(Math.max(0, f.limit()));
        }
        return query(sql.toString(), args);
    }

    /** One run. */
    public Optional<RunRecord> run(long id) {
        List<RunRecord> l = query("SELECT " + RUN_COLUMNS + " FROM run r JOIN experiment e ON e.id = r.experiment_id WHERE r.id = ?", List.of(id));
        return l.stream().findFirst();
    }

    /** Per-epoch metrics of a run: epoch → (name → value), plus {@code step} and {@code wall_seconds}. */
    public Map<Integer, Map<String, Double>> epochMetrics(long runId) {
        Map<Integer, Map<String, Double>> out = new LinkedHashMap<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
            "SELECT epoch, step, wall_seconds, name, metric_value FROM epoch_metric WHERE run_id = ? ORDER BY epoch, name")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Double> m = out.computeIfAbsent(rs.getInt(1), k -> new LinkedHashMap<>());
                    m.put("step", (double) rs.getLong(2));
                    m.put("wall_seconds", rs.getDouble(3));
                    double v = rs.getDouble(5);
                    m.put(rs.getString(4), rs.wasNull() ? Double.NaN : v);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("reading epoch metrics of run " + runId, e);
        }
        return out;
    }

    private List<RunRecord> query(String sql, List<Object> args) {
        List<RunRecord> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RunRecord(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), Json.readMap(rs.getString(9)), rs.getLong(10),
                        RunStatus.valueOf(rs.getString(11)), rs.getString(12), time(rs, 13), time(rs, 14), time(rs, 15),
                        (Long) rs.getObject(16, Long.class), (Long) rs.getObject(17, Long.class),
                        Json.readStrings(rs.getString(18)), Json.readMap(rs.getString(19)), Json.readMap(rs.getString(20))));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("reading runs", e);
        }
        return out;
    }

    private static OffsetDateTime time(ResultSet rs, int col) throws SQLException {
        return rs.getObject(col, OffsetDateTime.class);
    }

    private static long key(PreparedStatement ps) throws SQLException {
        try (ResultSet k = ps.getGeneratedKeys()) {
            k.next();
            return k.getLong(1);
        }
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String codeVersion() {
        try (InputStream in = RunStore.class.getResourceAsStream("/io/adalab/core/build.properties")) {
            Properties p = new Properties();
            p.load(in);
            return "adalab " + p.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("build.properties missing", e));
        }
    }
}
