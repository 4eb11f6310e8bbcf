package dev.vouch.registry;

import dev.vouch.store.PostgresCluster;
import dev.vouch.store.PostgresSettings;
import dev.vouch.store.Store;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store a test registry runs on: SQLite under the test's data directory, or, with
 * {@code -Dvouch.test.database=postgresql}, a fresh database of the throwaway PostgreSQL cluster per data
 * directory, so two registries started on one directory share one database as they would share the file.
 */
public final class TestStores {

    /** The system property that moves {@link RunningRegistry}'s tests to PostgreSQL. */
    public static final String PROPERTY = "vouch.test.database";

    private static final Map<Path, PostgresSettings> DATABASES = new ConcurrentHashMap<>();

    private TestStores() {}

    public static boolean onPostgres() {
        return "postgresql".equals(System.getProperty(PROPERTY));
    }

    public static Store open(Path dataDir) {
        if (!onPostgres()) {
            return Store.openSqlite(dataDir);
        }
        PostgresSettings database = DATABASES.computeIfAbsent(
                dataDir.toAbsolutePath().normalize(),
                dir -> PostgresCluster.requireFor("RunningRegistry on PostgreSQL")
                        .newDatabase());
        return Store.openPostgres(database);
    }
}
