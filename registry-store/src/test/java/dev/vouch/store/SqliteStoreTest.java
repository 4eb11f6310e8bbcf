package dev.vouch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

class SqliteStoreTest extends StoreContract {

    @Override
    Store openStore(Path dataDir) {
        return Store.openSqlite(dataDir);
    }

    @Override
    Store openSameDatabase() {
        return Store.openSqlite(dataDir);
    }

    @Test
    void auditLogRefusesUpdatesAndDeletesAtTheDatabase() {
        store.write(r -> r.audit().append(new AuditEvent(Instant.now(), "a", "publish", "x@1", "{}")));

        String url = "jdbc:sqlite:" + dataDir.resolve("vouch.db");
        assertThatThrownBy(() -> DSL.using(url).execute("DELETE FROM audit_log"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> DSL.using(url).execute("UPDATE audit_log SET actor = 'mallory'"))
                .hasMessageContaining("append-only");
        List<AuditRecord> audit = store.read(r -> r.audit().read(0, 10));
        assertThat(audit).hasSize(1);
    }

    @Test
    void reopeningAnExistingDatabaseKeepsItsData() {
        store.write(r -> r.versions().insert(version("io.github.a/x", "1.0.0", Instant.now(), true)));
        store.close();
        store = Store.openSqlite(dataDir);

        Optional<StoredVersion> found = store.read(r -> r.versions().find("io.github.a/x", "1.0.0"));
        assertThat(found).isPresent();
        assertThat(store.read(r -> r.versions().list(all(5, Optional.empty()))).items())
                .hasSize(1);
    }

    @Test
    void aDatabaseFromBeforeTheCatalogsToolNamesGetsThemFromEachServersLatestVersion() {
        store.write(r -> {
            r.versions().insert(withTools("io.example/finance", "1.0.0", false, "[{\"name\":\"wire_funds\"}]"));
            r.versions()
                    .insert(withTools(
                            "io.example/finance", "1.1.0", true, "[{\"name\":\"approve_payment\"},\"not a tool\"]"));
            return null;
        });
        store.close();
        String url = "jdbc:sqlite:" + dataDir.resolve("vouch.db");
        DSL.using(url).execute("DELETE FROM flyway_schema_history WHERE version = '13'");
        DSL.using(url).execute("DROP TABLE catalog_tool_names");

        store = Store.openSqlite(dataDir);

        Map<String, String> approve =
                store.read(r -> r.versions().serversWithTool("approve_payment", "io.example/other"));
        Map<String, String> wire = store.read(r -> r.versions().serversWithTool("wire_funds", "io.example/other"));
        assertThat(approve).containsOnly(Map.entry("io.example/finance", "approve_payment"));
        assertThat(wire).isEmpty();
    }

    @Test
    void aLongToolListIsReadIntoTheCatalogElementByElement() {
        StringBuilder tools = new StringBuilder("[");
        for (int i = 0; i < 20_000; i++) {
            tools.append(i == 0 ? "" : ",")
                    .append("{\"name\":\"tool_")
                    .append(i)
                    .append("\"}");
        }
        // Read through the whole list for each element, as a first version did, this took minutes under the write lock.
        store.write(r -> r.versions()
                .insert(withTools(
                        "io.example/big", "1.0.0", true, tools.append("]").toString())));

        Map<String, String> names = store.read(r -> r.versions().toolsOutside("io.example/other"));
        assertThat(names).hasSize(20_000);
    }
}
