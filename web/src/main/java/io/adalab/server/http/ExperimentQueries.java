package io.adalab.server.http;

import io.adalab.core.store.Database;
import io.adalab.core.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The experiment rows themselves (name, description, spec source, creation time), which
 * {@code RunStore} does not expose yet, and deleting an experiment (runs, series and metrics go
 * with it: the schema cascades).
 */
final class ExperimentQueries {
    private static final String COLUMNS = "id, name, description, spec_source, created_at, code_version";
    private final Database db;

    ExperimentQueries(Database db) {
        this.db = db;
    }

    /** One stored experiment. */
    record Row(long id, String name, String description, String source, OffsetDateTime createdAt, String codeVersion) {
    }

    List<Row> list() {
        return query("SELECT " + COLUMNS + " FROM experiment ORDER BY id DESC", null);
    }

    Optional<Row> get(long id) {
        return query("SELECT " + COLUMNS + " FROM experiment WHERE id = ?", id).stream().findFirst();
    }

    boolean delete(long id) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("DELETE FROM experiment WHERE id = ?")) {
            ps.setLong(1, id);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("deleting experiment " + id, e);
        }
    }

    private List<Row> query(String sql, Long id) {
        List<Row> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (id != null) {
                ps.setLong(1, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getString(6)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("reading experiments", e);
        }
        return out;
    }
}
