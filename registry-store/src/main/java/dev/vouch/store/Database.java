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
                "binary", "BLOB"));
    }

    private static Database open(HikariDataSource dataSource, SQLDialect dialect, Map<String, String> placeholders) {
        try {
            migrate(dataSource, dialect, placeholders);
            return new Database(dataSource, dialect);
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

    /** Runs {@code work} in one transaction: everything it writes commits together or not at all. */
    public <T> T transaction(Function<DSLContext, T> work) {
        return dsl.transactionResult(configuration -> work.apply(configuration.dsl()));
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
        dataSource.close();
    }
}
