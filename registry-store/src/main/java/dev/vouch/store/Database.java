package dev.vouch.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The registry's database: a pooled connection source, migrated at open, with jOOQ on top.
 *
 * <p>Repositories never see the dialect; it lives here and in the migration placeholders.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final SQLDialect dialect;
    private final DSLContext dsl;
    private final Object sequenceLock = new Object();
    private java.sql.Connection sequenceConnection;
    private java.sql.PreparedStatement sequenceStatement;

    private Database(HikariDataSource dataSource, SQLDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.dsl = DSL.using(dataSource, dialect,
                new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER));
    }

    /**
     * Opens (creating if needed) the SQLite database {@code vouch.db} under {@code dataDir} and
     * applies pending migrations.
     */
    public static Database openSqlite(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create data directory " + dataDir + ": " + e.getMessage(), e);
        }
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: a commit the API acknowledged survives a power cut, not just a process crash.
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout(10_000);
        // Reads dominate: a larger page cache per pooled connection keeps the listing indexes in memory.
        sqlite.setCacheSize(-16_384);
        // Writers take the lock at BEGIN, so two transactions never deadlock upgrading a read lock.
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource source = new SQLiteDataSource(sqlite);
        source.setUrl("jdbc:sqlite:" + dataDir.resolve("vouch.db").toAbsolutePath());

        HikariConfig pool = new HikariConfig();
        pool.setDataSource(source);
        pool.setPoolName("vouch-sqlite");
        pool.setMaximumPoolSize(4);
        pool.setConnectionTimeout(30_000);
        return open(new HikariDataSource(pool), SQLDialect.SQLITE, Map.of(
                "identity_pk", "INTEGER PRIMARY KEY AUTOINCREMENT",
                "binary", "BLOB",
                "true", "1"));
    }

    private static Database open(HikariDataSource dataSource, SQLDialect dialect, Map<String, String> placeholders) {
        try {
            migrate(dataSource, dialect, placeholders);
            Database database = new Database(dataSource, dialect);
            database.optimize();
            return database;
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static void migrate(DataSource dataSource, SQLDialect dialect, Map<String, String> placeholders) {
        String vendor = dialect.family().name().toLowerCase(java.util.Locale.ROOT);
        Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .placeholders(placeholders)
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    /**
     * Refreshes the planner's statistics where they are missing or stale ({@code PRAGMA optimize} with
     * analysis limits, cheap enough to run at open and then periodically). The listing queries are
     * written so their plans do not depend on statistics, but the ad-hoc ones do.
     */
    public void optimize() {
        if (dialect.family() == SQLDialect.SQLITE) {
            // 0x10002: analyse every table whose statistics are missing or out of date, not only those
            // this connection has queried; the analysis limit keeps it fast on a large database.
            dsl.connection(connection -> {
                try (java.sql.Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA analysis_limit = 1000");
                    statement.execute("PRAGMA optimize = 0x10002");
                }
            });
        }
    }

    /** Runs {@code work} in one transaction: everything it writes commits together or not at all. */
    public <T> T transaction(Function<DSLContext, T> work) {
        return dsl.transactionResult(configuration -> work.apply(configuration.dsl()));
    }

    /**
     * The catalog change sequence, read on every cacheable request: one prepared statement on a connection
     * of its own, so the read costs a few microseconds rather than a pooled, rendered query. A failure
     * drops the connection so the next call opens a fresh one.
     */
    public long changeSequence() {
        synchronized (sequenceLock) {
            try {
                if (sequenceStatement == null) {
                    // Outside the pool, so the pool keeps every connection for queries.
                    sequenceConnection = dataSource.getDataSource().getConnection();
                    sequenceConnection.setAutoCommit(true);
                    sequenceStatement = sequenceConnection.prepareStatement("SELECT seq FROM catalog_changes WHERE id = 1");
                }
                try (java.sql.ResultSet rows = sequenceStatement.executeQuery()) {
                    if (!rows.next()) {
                        throw new StoreException("the catalog change sequence is missing", null);
                    }
                    return rows.getLong(1);
                }
            } catch (java.sql.SQLException e) {
                closeSequenceConnection();
                throw new StoreException("cannot read the catalog change sequence: " + e.getMessage(), e);
            }
        }
    }

    private void closeSequenceConnection() {
        try {
            if (sequenceConnection != null) {
                sequenceConnection.close();
            }
        } catch (java.sql.SQLException e) {
            // Closing a broken connection: nothing more to do with it.
        } finally {
            sequenceConnection = null;
            sequenceStatement = null;
        }
    }

    /** A context for single reads outside a transaction. */
    public DSLContext dsl() {
        return dsl;
    }

    public SQLDialect dialect() {
        return dialect;
    }

    /**
     * Reports the connection pool (active, idle, pending, timeouts, usage) to a Micrometer
     * {@code MeterRegistry}; typed as Object so this module needs no metrics library.
     */
    public void bindPoolMetrics(Object meterRegistry) {
        dataSource.setMetricRegistry(meterRegistry);
    }

    @Override
    public void close() {
        synchronized (sequenceLock) {
            closeSequenceConnection();
        }
        dataSource.close();
    }
}
