package dev.vouch.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's storage: repositories per aggregate, bound to one database context.
 *
 * <p>{@link #write} runs its work in a single transaction: a publish, its latest-version bookkeeping
 * and its audit record all commit together, or nothing is stored. Every write also bumps the catalog
 * change sequence in the same transaction, which is what response caches on every node key on.
 */
public final class Store implements AutoCloseable {

    /** How often the planner's statistics are refreshed while the store is open. */
    static final Duration OPTIMIZE_EVERY = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(Store.class);

    private final Database database;
    private final ScheduledExecutorService maintenance;
    private final CatalogGeneration generation;

    private Store(Database database) {
        this.database = database;
        this.generation = new CatalogGeneration(database::changeSequence);
        this.maintenance = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vouch-store-maintenance");
            thread.setDaemon(true);
            return thread;
        });
        maintenance.scheduleWithFixedDelay(
                this::optimize, OPTIMIZE_EVERY.toMinutes(), OPTIMIZE_EVERY.toMinutes(), TimeUnit.MINUTES);
    }

    private void optimize() {
        try {
            database.optimize();
        } catch (RuntimeException e) {
            LOG.warn("refreshing the planner statistics failed; the next run retries", e);
        }
    }

    /**
     * Loads and initialises the database libraries' classes (jOOQ's rendering, Flyway's configuration,
     * the SQLite driver) without touching a database: a server calls it on a second core while it reads
     * its command line, so opening the store later does not pay for them. Safe to skip, cheap to repeat.
     */
    public static void warmUp() {
        Database.warmUp();
    }

    public static Store openSqlite(Path dataDir) {
        return new Store(Database.openSqlite(dataDir));
    }

    /** Opens a PostgreSQL database, which other registries may share (see {@link Database#openPostgres}). */
    public static Store openPostgres(PostgresSettings settings) {
        return new Store(Database.openPostgres(settings));
    }

    /** Whether the PostgreSQL database holds a registry already (see {@link Database#postgresHoldsRegistry}). */
    public static boolean postgresHoldsRegistry(PostgresSettings settings) {
        return Database.postgresHoldsRegistry(settings);
    }

    /** The repositories, bound to one transaction or to plain reads. */
    public record Repositories(
            ServerVersionRepository versions,
            TokenRepository tokens,
            AuditLogRepository audit,
            AdvisoryRepository advisories,
            MirrorRepository mirror) {
        static Repositories on(DSLContext dsl) {
            return new Repositories(
                    new ServerVersionRepository(dsl),
                    new TokenRepository(dsl),
                    new AuditLogRepository(dsl),
                    new AdvisoryRepository(dsl),
                    new MirrorRepository(dsl));
        }
    }

    public <T> T read(Function<Repositories, T> work) {
        return work.apply(Repositories.on(database.dsl()));
    }

    /**
     * Runs {@code work} in one transaction. The transaction first bumps the catalog change sequence, which
     * locks its single row until commit: write transactions run one at a time across every node sharing
     * the database, so a check-then-write (the version is new, which version is latest, the audit chain's
     * head) cannot interleave with another node's. SQLite's {@code BEGIN IMMEDIATE} already serialises
     * writers; on PostgreSQL this lock does.
     */
    public <T> T write(Function<Repositories, T> work) {
        long[] committed = new long[1];
        T result = database.transaction(dsl -> {
            committed[0] = CatalogChanges.bump(dsl);
            return work.apply(Repositories.on(dsl));
        });
        generation.committed(committed[0]);
        return result;
    }

    /**
     * Like {@link #write}, for bookkeeping no read shows (a mirror's checkpoint): it leaves the catalog
     * change sequence alone, so caches on every node stay valid.
     */
    public <T> T writeBookkeeping(Function<Repositories, T> work) {
        return database.transaction(dsl -> work.apply(Repositories.on(dsl)));
    }

    /**
     * The catalog change sequence, read from the database: it differs after every committed write, on
     * whichever node wrote it. Per request, use {@link #followChanges} instead.
     */
    public long changeSequence() {
        return database.changeSequence();
    }

    /**
     * The catalog's generation in this process (see {@link CatalogGeneration}), moved at once by this
     * store's writes and within {@code pollEvery} by any other process's, which one daemon thread looks
     * for from now until {@link #close}. Following again keeps the first interval.
     */
    public CatalogGeneration followChanges(Duration pollEvery) {
        generation.follow(pollEvery);
        return generation;
    }

    /** Refreshes the planner's statistics now (also done at open and every {@link #OPTIMIZE_EVERY}). */
    public void analyze() {
        database.optimize();
    }

    /** Whether the database answers a trivial query. */
    public boolean isHealthy() {
        return database.dsl().selectOne().fetchOne() != null;
    }

    /** Reports the connection pool to a Micrometer {@code MeterRegistry} (see {@link Database#bindPoolMetrics}). */
    public void bindPoolMetrics(Object meterRegistry) {
        database.bindPoolMetrics(meterRegistry);
    }

    @Override
    public void close() {
        maintenance.shutdownNow();
        generation.stop();
        database.close();
    }
}
