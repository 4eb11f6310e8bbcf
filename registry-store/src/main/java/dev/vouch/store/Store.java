package dev.vouch.store;

import java.nio.file.Path;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * The registry's storage: repositories per aggregate, bound to one database context.
 *
 * <p>{@link #write} runs its work in a single transaction: a publish, its latest-version bookkeeping
 * and its audit record all commit together, or nothing is stored.
 */
public final class Store implements AutoCloseable {

    private final Database database;

    private Store(Database database) {
        this.database = database;
    }

    public static Store openSqlite(Path dataDir) {
        return new Store(Database.openSqlite(dataDir));
    }

    /** The repositories, bound to one transaction or to plain reads. */
    public record Repositories(ServerVersionRepository versions, TokenRepository tokens, AuditLogRepository audit,
                               AdvisoryRepository advisories) {
        static Repositories on(DSLContext dsl) {
            return new Repositories(new ServerVersionRepository(dsl), new TokenRepository(dsl),
                    new AuditLogRepository(dsl), new AdvisoryRepository(dsl));
        }
    }

    public <T> T read(Function<Repositories, T> work) {
        return work.apply(Repositories.on(database.dsl()));
    }

    public <T> T write(Function<Repositories, T> work) {
        return database.transaction(dsl -> work.apply(Repositories.on(dsl)));
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
        database.close();
    }
}
