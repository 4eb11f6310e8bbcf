package dev.vouch.store;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;

/** The mirror's bookkeeping (V12) on a real PostgreSQL, so its migration stays portable. */
class PostgresMirrorRepositoryTest extends MirrorRepositoryContract {

    private static PostgresCluster cluster;

    @BeforeAll
    static void cluster() {
        cluster = PostgresCluster.requireFor(PostgresMirrorRepositoryTest.class.getSimpleName());
    }

    @Override
    Store openStore(Path dataDir) {
        return Store.openPostgres(cluster.newDatabase());
    }
}
