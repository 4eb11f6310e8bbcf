package dev.vouch.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.registry.Registry;
import dev.vouch.registry.RunningRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's answers to bad input: exit 2, one line, nothing created, nothing said twice. */
class CliRoughEdgesTest {

    @TempDir
    Path dir;

    @Test
    void verifyingTheAuditOfAMissingRegistryIsAnInputErrorAndCreatesNothing() {
        Path missing = dir.resolve("nonexistent");

        CliRunner.Run run = CliRunner.run("admin", "audit", "verify", "--data", missing.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).doesNotContain("intact");
        assertThat(run.err().strip()).doesNotContain("\n").contains("no registry database");
        assertThat(missing).doesNotExist();
    }

    @Test
    void revokingAnUnknownTokenIsAnInputError() {
        try (Registry registry = Registry.openSqlite(dir)) {
            registry.tokens().list();
        }

        CliRunner.Run run = CliRunner.run("admin", "token", "revoke", "nope", "--data", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no active token nope");
    }

    @Test
    void listingOrRevokingTokensOfAMissingRegistryCreatesNothing() {
        Path missing = dir.resolve("nonexistent");

        assertThat(CliRunner.run("admin", "token", "list", "--data", missing.toString())
                        .exitCode())
                .isEqualTo(2);
        assertThat(CliRunner.run("admin", "token", "revoke", "x", "--data", missing.toString())
                        .exitCode())
                .isEqualTo(2);
        assertThat(missing).doesNotExist();
    }

    @Test
    void publishPrintsItsErrorOnce() throws Exception {
        try (RunningRegistry registry = RunningRegistry.start(dir.resolve("data"), false)) {
            Path broken = Files.writeString(dir.resolve("broken.json"), "{\"name\": ");

            CliRunner.Run run = CliRunner.run(
                    "publish",
                    broken.toString(),
                    "--registry",
                    registry.uri("").toString(),
                    "--token",
                    registry.token("io.github.acme/*"));

            assertThat(run.exitCode()).isEqualTo(2);
            String reason = "the JSON ends before it is complete";
            assertThat(run.err()).contains(reason);
            assertThat(run.err().split(java.util.regex.Pattern.quote(reason), -1))
                    .hasSize(2);
        }
    }

    /** In a fresh JVM, as an operator runs it: the schema library's first-load warning would show here. */
    @Test
    void aCommandThatLoadsTheSchemaWritesNothingToStderr() throws Exception {
        try (Registry registry = Registry.openSqlite(dir)) {
            registry.tokens().list();
        }
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        VouchCommand.class.getName(),
                        "admin",
                        "token",
                        "list",
                        "--data",
                        dir.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).isZero();
        assertThat(stderr).doesNotContain("WARN").doesNotContain("Unknown keyword");
    }
}
