package io.adalab.core.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The run store's connection pool, created and migrated (Flyway) on open. H2 in embedded file mode
 * by default; any PostgreSQL 15+ JDBC URL works on the same migrations.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource ds;
    private final boolean postgres;

    private Database(HikariDataSource ds, boolean postgres) {
        this.ds = ds;
        this.postgres = postgres;
    }

    /** The default embedded H2 URL for a data folder. AUTO_SERVER lets a second process (the CLI) read while a server runs. */
    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("adalab") + ";AUTO_SERVER=TRUE";
    }

    /** Opens (and migrates) the database at {@code url}. */
    public static Database open(String url, String user, String password) {
        boolean pg = url.startsWith("jdbc:postgresql:");
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        cfg.setUsername(user == null ? (pg ? null : "sa") : user);
        cfg.setPassword(password == null ? "" : password);
        cfg.setMaximumPoolSize(4);
        cfg.setPoolName("adalab-store");
        HikariDataSource ds = new HikariDataSource(cfg);
        try {
            Flyway.configure(Database.class.getClassLoader())
                .dataSource(ds)
                .locations("classpath:db/migration")
                .placeholders(Map.of(
                    "text_type", pg ? "TEXT" : "CHARACTER LARGE OBJECT",
                    "bytes_type", pg ? "BYTEA" : "BINARY LARGE OBJECT"))
                .load()
                .migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, pg);
    }

    /** Opens the embedded H2 database in {@code dataDir}. */
    public static Database openH2(Path dataDir) {
        return open(h2Url(dataDir), null, null);
    }

    /** A pooled connection. */
    public Connection connection() throws SQLException {
        return ds.getConnection();
    }

    /** The pool, for libraries that want a DataSource. */
    public DataSource dataSource() {
        return ds;
    }

    /** Whether the store is PostgreSQL (else H2). */
    public boolean isPostgres() {
        return postgres;
    }

    @Override public void close() {
        ds.close();
    }
}
