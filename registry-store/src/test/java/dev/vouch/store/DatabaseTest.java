package dev.vouch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class DatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void theListOfMigrationsIsTheScriptsThisBuildShips() throws IOException, URISyntaxException {
        Path migrations = Path.of(Database.class.getResource("/db/migration").toURI());
        Set<String> versions;
        try (Stream<Path> files = Files.walk(migrations)) {
            versions = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("V[0-9_]+__.*\\.sql"))
                    .map(name -> name.substring(1, name.indexOf("__")).replace('_', '.'))
                    .collect(Collectors.toSet());
        }

        assertThat(versions).isEqualTo(Database.MIGRATIONS);
    }

    @Test
    void aMigratedDatabaseIsCurrentAndOneMissingAStepIsNot() {
        SQLiteDataSource file = new SQLiteDataSource();
        file.setUrl("jdbc:sqlite:" + dataDir.resolve("vouch.db"));
        assertThat(Database.isCurrent(file)).as("a new database").isFalse();

        Database.openSqlite(dataDir).close();
        assertThat(Database.isCurrent(file)).as("after the migrations").isTrue();

        DSL.using(file.getUrl()).execute("DELETE FROM flyway_schema_history WHERE version = '12'");
        assertThat(Database.isCurrent(file)).as("a step missing").isFalse();
    }

    @Test
    void reopeningADatabaseMissingAStepMigratesIt() {
        Database.openSqlite(dataDir).close();
        String url = "jdbc:sqlite:" + dataDir.resolve("vouch.db");
        DSL.using(url).execute("DELETE FROM flyway_schema_history WHERE version = '13'");
        DSL.using(url).execute("DROP TABLE catalog_tool_names");

        Database.openSqlite(dataDir).close();

        assertThat(DSL.using(url).fetchCount(DSL.table("catalog_tool_names"))).isZero();
    }
}
