package dev.vouch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store contract on a real PostgreSQL (a throwaway cluster, see {@link PostgresCluster}). */
class PostgresStoreTest extends StoreContract {

    private static PostgresCluster cluster;
    private PostgresSettings database;

    /** Skips the whole class, with its SKIPPED line, where PostgreSQL cannot run. */
    @BeforeAll
    static void cluster() {
        cluster = PostgresCluster.requireFor(PostgresStoreTest.class.getSimpleName());
    }

    @Override
    Store openStore(Path dataDir) {
        database = cluster.newDatabase();
        return Store.openPostgres(database);
    }

    @Override
    Store openSameDatabase() {
        return Store.openPostgres(database);
    }

    @Test
    void auditLogRefusesUpdatesDeletesAndTruncationAtTheDatabase() throws SQLException {
        store.write(r -> r.audit().append(new AuditEvent(Instant.now(), "a", "publish", "x@1", "{}")));

        try (Connection connection = DriverManager.getConnection(
                        database.jdbcUrl(),
                        database.user().orElseThrow(),
                        database.password().orElseThrow());
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("DELETE FROM audit_log")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.execute("UPDATE audit_log SET actor = 'mallory'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.execute("TRUNCATE audit_log")).hasMessageContaining("append-only");
        }
        List<AuditRecord> audit = store.read(r -> r.audit().read(0, 10));
        assertThat(audit).hasSize(1).allMatch(AuditRecord::hashMatches);
    }

    @Test
    void reopeningAnExistingDatabaseKeepsItsDataAndRunsNoMigrationTwice() {
        store.write(r -> r.versions().insert(version("io.github.a/x", "1.0.0", Instant.now(), true)));
        store.close();
        store = Store.openPostgres(database);

        Optional<StoredVersion> found = store.read(r -> r.versions().find("io.github.a/x", "1.0.0"));
        assertThat(found).isPresent();
        assertThat(store.read(r -> r.versions().list(all(5, Optional.empty()))).items())
                .hasSize(1);
    }

    @Test
    void sqliteAndPostgresqlRecordTheSameMigrationHistory() throws SQLException {
        List<String> postgres = history(
                database.jdbcUrl(),
                database.user().orElseThrow(),
                database.password().orElseThrow());
        try (Store sqlite = Store.openSqlite(dataDir)) {
            List<String> embedded = history("jdbc:sqlite:" + dataDir.resolve("vouch.db"), null, null);
            assertThat(postgres).isEqualTo(embedded).contains("2 audit append only", "11 search");
        }
    }

    @Test
    void aMalformedToolListLeavesTheServerSearchableByItsName() {
        store.write(r -> r.versions().insert(described("io.example/broken", "Broken", "Has bad tools", "{not json")));

        assertThat(store.read(r -> r.versions().list(search("broken", 10, Optional.empty())))
                        .items())
                .extracting(StoredVersion::serverName)
                .containsExactly("io.example/broken");
    }

    private static List<String> history(String url, String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            var rows = statement.executeQuery(
                    "SELECT version, description FROM flyway_schema_history WHERE success ORDER BY installed_rank");
            List<String> history = new java.util.ArrayList<>();
            while (rows.next()) {
                history.add(rows.getString(1) + " " + rows.getString(2).toLowerCase(java.util.Locale.ROOT));
            }
            return history;
        }
    }
}
