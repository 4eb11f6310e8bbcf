package dev.vouch.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.store.PostgresCluster;
import dev.vouch.store.PostgresSettings;
import dev.vouch.store.Store;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --database}: the commands that open the store, on a real PostgreSQL, and its bad inputs. */
class DatabaseOptionTest {

    private static final Pattern SERVING = Pattern.compile("vouch serving http://[^:]+:(\\d+)/");

    @TempDir
    Path dir;

    private static PostgresCluster cluster;
    private PostgresSettings database;
    private String url;
    private Path passwordFile;

    /** Skips the whole class, with its SKIPPED line, where PostgreSQL cannot run. */
    @BeforeAll
    static void cluster() {
        cluster = PostgresCluster.requireFor(DatabaseOptionTest.class.getSimpleName());
    }

    @BeforeEach
    void database() throws IOException {
        database = cluster.newDatabase();
        String name = database.jdbcUrl().substring(database.jdbcUrl().lastIndexOf('/') + 1);
        url = cluster.libpqUrl(name);
        passwordFile = Files.writeString(dir.resolve("password"), cluster.password() + "\n");
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithOneLine() {
        String withPassword =
                url.replace("postgresql://", "postgresql://vouch:secret@").replace("?user=vouch", "");

        for (String given : List.of(withPassword, url + "&password=secret")) {
            CliRunner.Run run = CliRunner.run("admin", "token", "list", "--database", given);

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().strip())
                    .doesNotContain("\n")
                    .contains("VOUCH_DATABASE_PASSWORD")
                    .doesNotContain("secret");
        }
    }

    @Test
    void aDatabaseUrlOfAnotherKindIsAnInputError() {
        CliRunner.Run run = CliRunner.run("admin", "token", "list", "--database", "mysql://127.0.0.1/vouch");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("postgresql://");
    }

    @Test
    void inspectingAnEmptyDatabaseIsAnInputErrorAndCreatesNoRegistryInIt() {
        CliRunner.Run run = CliRunner.run(
                "admin", "audit", "verify", "--database", url, "--database-password-file", passwordFile.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no registry in the database").doesNotContain(cluster.password());
        assertThat(Store.postgresHoldsRegistry(database)).isFalse();
    }

    @Test
    void tokenAndAuditCommandsWorkOnTheDatabase() {
        CliRunner.Run created = createPublisherToken();
        CliRunner.Run listed = CliRunner.run(
                "admin", "token", "list", "--database", url, "--database-password-file", passwordFile.toString());
        CliRunner.Run verified = CliRunner.run(
                "admin", "audit", "verify", "--database", url, "--database-password-file", passwordFile.toString());

        assertThat(created.exitCode()).isZero();
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).contains("io.github.acme/*");
        assertThat(verified.exitCode()).isZero();
        assertThat(verified.out()).contains("audit chain intact: 1 records");
    }

    private CliRunner.Run createPublisherToken() {
        return CliRunner.run(
                "admin",
                "token",
                "create",
                "--namespace",
                "io.github.acme/*",
                "--database",
                url,
                "--database-password-file",
                passwordFile.toString());
    }

    /** Two operators' {@code serve} processes, the password in the environment, as the README shows. */
    @Test
    void twoServeProcessesOnOneDatabaseSeeEachOthersPublishesAtOnce() throws Exception {
        CliRunner.Run created = createPublisherToken();
        String token =
                created.out().strip().lines().reduce((first, second) -> second).orElseThrow();
        List<Process> nodes = new ArrayList<>();
        try {
            nodes.add(serve(dir.resolve("a")));
            nodes.add(serve(dir.resolve("b")));
            int portA = port(nodes.get(0));
            int portB = port(nodes.get(1));
            HttpClient client = HttpClient.newHttpClient();
            String path = "/v0.1/servers/io.github.acme%2Fweather/versions/latest";
            assertThat(client.send(get(portB, path), HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(404);

            String manifest =
                    "{\"$schema\": \"https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json\","
                            + " \"name\": \"io.github.acme/weather\", \"description\": \"Weather\", \"version\": \"1.0.0\","
                            + " \"remotes\": [{\"type\": \"streamable-http\", \"url\": \"https://mcp.acme.example/mcp\"}]}";
            HttpResponse<String> published = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portA + "/v0.1/publish"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(manifest))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> again = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portB + "/v0.1/publish"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(manifest))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(client.send(get(portB, path), HttpResponse.BodyHandlers.ofString())
                            .body())
                    .contains("\"version\":\"1.0.0\"");
        } finally {
            for (Process node : nodes) {
                node.destroy();
                if (!node.waitFor(30, TimeUnit.SECONDS)) {
                    node.destroyForcibly();
                }
            }
        }
        CliRunner.Run verified = CliRunner.run(
                "admin", "audit", "verify", "--database", url, "--database-password-file", passwordFile.toString());
        assertThat(verified.out()).contains("audit chain intact: 2 records");
    }

    private Process serve(Path data) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        VouchCommand.class.getName(),
                        "serve",
                        "--no-seed",
                        "--host",
                        "127.0.0.1",
                        "--port",
                        "0",
                        "--data",
                        data.toString(),
                        "--database",
                        url)
                .redirectErrorStream(true);
        builder.environment().put(DataDirOption.PASSWORD_VARIABLE, cluster.password());
        return builder.start();
    }

    /** Reads the process's output up to the line that says where it serves. */
    private static int port(Process process) throws IOException {
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            Matcher serving = SERVING.matcher(line);
            if (serving.find()) {
                Thread drain = new Thread(
                        () -> {
                            try {
                                lines.transferTo(java.io.Writer.nullWriter());
                            } catch (IOException e) {
                                // The process ended; nothing more to read.
                            }
                        },
                        "serve-output");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(serving.group(1));
            }
            seen.append(line).append('\n');
        }
        throw new IllegalStateException("serve ended without serving:\n" + seen);
    }

    private static HttpRequest get(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET()
                .build();
    }
}
