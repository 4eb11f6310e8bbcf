package dev.vouch.registry.advisories;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.registry.Registry;
import dev.vouch.registry.cli.CliRunner;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OSV advisories imported into a real store and matched against SBOM components. */
class AdvisoryServiceTest {

    @TempDir
    Path dir;

    static final String LODASH = """
            {"id":"GHSA-35jh-r3h4-6jhm","summary":"Command Injection in lodash","modified":"2024-02-01T00:00:00Z",
             "database_specific":{"severity":"HIGH"},
             "affected":[{"package":{"ecosystem":"npm","name":"lodash"},
                          "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"4.17.21"}]}]}]}
            """;
    static final String SCOPED = """
            {"id":"GHSA-scoped","modified":"2024-02-01T00:00:00Z","database_specific":{"severity":"CRITICAL"},
             "affected":[{"package":{"ecosystem":"npm","name":"@acme/parser"},
                          "ranges":[{"type":"SEMVER","events":[{"introduced":"1.2.0"},{"last_affected":"1.4.3"}]},
                                    {"type":"SEMVER","events":[{"introduced":"2.0.0"},{"fixed":"2.0.5"}]}]}]}
            """;
    static final String PYPI = """
            {"id":"PYSEC-2023-1","modified":"2023-05-01T00:00:00Z",
             "affected":[{"package":{"ecosystem":"PyPI","name":"Requests_OAuth"},
                          "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.3.1rc1"}]}],
                          "versions":["0.9"]}]}
            """;
    static final String MAVEN = """
            {"id":"GHSA-jfh8-c2jp-5v3q","modified":"2021-12-10T00:00:00Z","database_specific":{"severity":"CRITICAL"},
             "affected":[{"package":{"ecosystem":"Maven","name":"org.apache.logging.log4j:log4j-core"},
                          "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"2.0-beta9"},{"fixed":"2.15.0"}]}]},
                         {"package":{"ecosystem":"Debian:11","name":"apache-log4j2"},"versions":["2.13.3-1"]}]}
            """;
    static final String GO = """
            {"id":"GO-2023-0001","modified":"2023-01-01T00:00:00Z","database_specific":{"severity":"MODERATE"},
             "affected":[{"package":{"ecosystem":"Go","name":"github.com/acme/lib"},
                          "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"1.5.0"}]}]}]}
            """;

    Path osvDirectory() throws IOException {
        Path osv = Files.createDirectories(dir.resolve("osv/npm"));
        Files.writeString(osv.resolve("lodash.json"), LODASH);
        Files.writeString(osv.resolve("scoped.json"), SCOPED);
        Files.writeString(Files.createDirectories(dir.resolve("osv/pypi")).resolve("oauth.json"), PYPI);
        Files.writeString(dir.resolve("osv/log4j.json"), MAVEN);
        Files.writeString(dir.resolve("osv/go.json"), GO);
        Files.writeString(dir.resolve("osv/broken.json"), "{ not json");
        return dir.resolve("osv");
    }

    @Test
    void importedAdvisoriesMatchAffectedVersionsOnly() throws IOException {
        try (Registry registry = Registry.openSqlite(dir.resolve("data"))) {
            AdvisoryService.ImportResult result = registry.advisories().importOsv(osvDirectory(), "test");
            AdvisoryService advisories = registry.advisories();

            assertThat(result.entries()).isEqualTo(5);
            assertThat(result.skippedEcosystems()).containsEntry("Debian:11", 1);
            assertThat(result.unreadable()).singleElement().asString().contains("broken.json");

            assertThat(advisories
                            .lookup("pkg:npm/lodash@4.17.20", Optional.empty())
                            .matches())
                    .extracting(AdvisoryMatch::advisoryId, AdvisoryMatch::severity)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("GHSA-35jh-r3h4-6jhm", AdvisorySeverity.HIGH));
            assertThat(advisories
                            .lookup("pkg:npm/lodash@4.17.21", Optional.empty())
                            .matches())
                    .isEmpty();
            assertThat(advisories.lookup("pkg:npm/lodash", Optional.of("3.0.0")).matches())
                    .hasSize(1);

            assertThat(advisories
                            .lookup("pkg:npm/%40acme/parser@1.4.3", Optional.empty())
                            .matches())
                    .hasSize(1);
            assertThat(advisories
                            .lookup("pkg:npm/%40acme/parser@1.4.4", Optional.empty())
                            .matches())
                    .isEmpty();
            assertThat(advisories
                            .lookup("pkg:npm/%40acme/parser@2.0.4", Optional.empty())
                            .matches())
                    .hasSize(1);
            assertThat(advisories
                            .lookup("pkg:npm/%40acme/parser@1.1.9", Optional.empty())
                            .matches())
                    .isEmpty();

            assertThat(advisories
                            .lookup("pkg:pypi/requests-oauth@1.3.0", Optional.empty())
                            .matches())
                    .singleElement()
                    .satisfies(m -> assertThat(m.severity()).isEqualTo(AdvisorySeverity.UNKNOWN));
            assertThat(advisories
                            .lookup("pkg:pypi/requests-oauth@1.3.1", Optional.empty())
                            .matches())
                    .isEmpty();
            assertThat(advisories
                            .lookup("pkg:pypi/requests-oauth@0.9", Optional.empty())
                            .matches())
                    .hasSize(1);

            assertThat(advisories
                            .lookup("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", Optional.empty())
                            .matches())
                    .hasSize(1);
            assertThat(advisories
                            .lookup("pkg:maven/org.apache.logging.log4j/log4j-core@2.15.0", Optional.empty())
                            .matches())
                    .isEmpty();
            assertThat(advisories
                            .lookup("pkg:golang/github.com/acme/lib@v1.4.9", Optional.empty())
                            .matches())
                    .hasSize(1);
            assertThat(advisories
                            .lookup("pkg:golang/github.com/acme/lib@v1.5.0", Optional.empty())
                            .matches())
                    .isEmpty();

            assertThat(advisories
                            .lookup("pkg:gem/rails@7.0.0", Optional.empty())
                            .matches())
                    .isEmpty();
        }
    }

    @Test
    void anUnparseablePurlIsAProblemNotASilentlyCleanComponent() throws IOException {
        try (Registry registry = Registry.openSqlite(dir.resolve("data"))) {
            registry.advisories().importOsv(osvDirectory(), "test");

            AdvisoryService.Lookup lookup = registry.advisories().lookup("not a purl", Optional.of("1.0"));

            assertThat(lookup.matches()).isEmpty();
            assertThat(lookup.problems())
                    .singleElement()
                    .asString()
                    .contains("not a purl")
                    .contains("not checked");
        }
    }

    @Test
    void aCorruptStoredAdvisoryIsAProblemNotSkipped() throws Exception {
        try (Registry registry = Registry.openSqlite(dir.resolve("data"))) {
            registry.advisories().importOsv(osvDirectory(), "test");
        }
        try (java.sql.Connection connection =
                        java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/vouch.db"));
                java.sql.PreparedStatement corrupt =
                        connection.prepareStatement("UPDATE advisory_affected SET affected = ?")) {
            corrupt.setBytes(1, "{ not json".getBytes(StandardCharsets.UTF_8));
            corrupt.executeUpdate();
        }
        try (Registry registry = Registry.openSqlite(dir.resolve("data"))) {
            AdvisoryService.Lookup lookup = registry.advisories().lookup("pkg:npm/lodash@4.17.20", Optional.empty());

            assertThat(lookup.problems()).singleElement().asString().contains("GHSA-35jh-r3h4-6jhm");
        }
    }

    @Test
    void aZipImportsLikeADirectoryAndReimportingReplacesEntries() throws IOException {
        Path zip = dir.resolve("osv.zip");
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream zipped = new ZipOutputStream(out)) {
            zipped.putNextEntry(new ZipEntry("npm/GHSA-35jh-r3h4-6jhm.json"));
            zipped.write(LODASH.getBytes(StandardCharsets.UTF_8));
            zipped.closeEntry();
        }
        try (Registry registry = Registry.openSqlite(dir.resolve("data"))) {
            registry.advisories().importOsv(zip, "test");
            registry.advisories().importOsv(zip, "test");

            assertThat(registry.advisories().count()).isEqualTo(1);
            assertThat(registry.advisories()
                            .lookup("pkg:npm/lodash@4.0.0", Optional.empty())
                            .matches())
                    .hasSize(1);
        }
    }

    @Test
    void theCommandImportsAndReportsUnreadableDocuments() throws IOException {
        Path osv = osvDirectory();

        CliRunner.Run run = CliRunner.run(
                "admin", "advisories", "import", "--data", dir.resolve("data").toString(), osv.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("imported 5 affected-package entries").contains("broken.json");
        assertThat(CliRunner.run(
                                "admin",
                                "advisories",
                                "import",
                                "--data",
                                dir.resolve("data").toString(),
                                dir.resolve("missing").toString())
                        .exitCode())
                .isEqualTo(2);
    }
}
