package dev.vouch.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.registry.Registry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void intactChainVerifies() {
        try (Registry registry = Registry.openSqlite(dataDir)) {
            registry.seedIfEmpty();
        }

        VouchCommandTest.Run run = VouchCommandTest.run("admin", "audit", "verify", "--data", dataDir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("audit chain intact");
    }

    @Test
    void editedRecordIsNamedEvenWhenTheEditorBypassesTheTriggers() throws Exception {
        try (Registry registry = Registry.openSqlite(dataDir)) {
            registry.seedIfEmpty();
        }
        // Someone with write access to the database file drops the append-only trigger and edits history.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("vouch.db"));
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER audit_log_no_update");
            statement.execute("UPDATE audit_log SET actor = 'mallory' WHERE seq = 7");
        }

        VouchCommandTest.Run run = VouchCommandTest.run("admin", "audit", "verify", "--data", dataDir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("record 7");
    }

    @Test
    void deletedRecordIsNamed() throws Exception {
        try (Registry registry = Registry.openSqlite(dataDir)) {
            registry.seedIfEmpty();
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("vouch.db"));
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER audit_log_no_delete");
            statement.execute("DELETE FROM audit_log WHERE seq = 3");
        }

        VouchCommandTest.Run run = VouchCommandTest.run("admin", "audit", "verify", "--data", dataDir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("record 4");
    }
}
