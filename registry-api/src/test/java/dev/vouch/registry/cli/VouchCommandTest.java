package dev.vouch.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.registry.Registry;
import dev.vouch.registry.auth.Principal;
import dev.vouch.registry.auth.Role;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VouchCommandTest {

    @TempDir
    Path dataDir;

    record Run(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    static Run run(String... args) {
        CommandLine cli = VouchCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void tokenCreatePrintsTheSecretOnceAsTheLastLineAndItAuthenticates() {
        Run created = run("admin", "token", "create", "--data", dataDir.toString(), "--namespace", "io.github.acme/*");

        assertThat(created.exitCode()).isZero();
        String secret = created.outLines().get(created.outLines().size() - 1);
        assertThat(secret).startsWith("vouch_");
        try (Registry registry = Registry.openSqlite(dataDir)) {
            Principal principal = registry.tokens().authenticate(Optional.of("Bearer " + secret));
            assertThat(principal.role()).isEqualTo(Role.PUBLISHER);
            assertThat(registry.tokens().list())
                    .singleElement()
                    .satisfies(
                            t -> assertThat(t.tokenHash()).isNotEqualTo(secret).hasSize(64));
        }
        Run listed = run("admin", "token", "list", "--data", dataDir.toString());
        assertThat(listed.out()).contains("io.github.acme/*").doesNotContain(secret);
    }

    @Test
    void publisherTokenWithoutGrantsIsAUsageErrorOnOneLine() {
        Run run = run("admin", "token", "create", "--data", dataDir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains("--namespace");
    }

    @Test
    void serveRefusesAnOciMirrorThatIsNotHttpBeforeOpeningAnything() {
        Run run = run("serve", "--data", dataDir.toString(), "--oci-registry", "ghcr.io=file:///etc/passwd");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains("--oci-registry ghcr.io");
    }

    @Test
    void serveRefusesAnAuthFileThatDoesNotParseOrAZeroRateLimitBeforeOpeningAnything() throws Exception {
        Path auth = java.nio.file.Files.writeString(
                dataDir.resolve("auth.yaml"),
                "githubOidc:\n  trustedPublishers:\n    - {repository: acme/weather, grants: [\"io.github.globex/*\"]}\n");

        Run badAuth = run("serve", "--data", dataDir.toString(), "--auth", auth.toString());
        Run zeroRate = run("serve", "--data", dataDir.toString(), "--rate-publish-per-token", "0");

        assertThat(badAuth.exitCode()).isEqualTo(2);
        assertThat(badAuth.err().strip()).doesNotContain("\n").contains("io.github.acme/");
        assertThat(zeroRate.exitCode()).isEqualTo(2);
        assertThat(zeroRate.err()).contains("at least 1 per minute");
        assertThat(dataDir.resolve("vouch.db")).doesNotExist();
    }

    @Test
    void malformedGrantAndUnknownRoleAreUsageErrors() {
        assertThat(run("admin", "token", "create", "--data", dataDir.toString(), "--namespace", "acme")
                        .exitCode())
                .isEqualTo(2);
        assertThat(run("admin", "token", "create", "--data", dataDir.toString(), "--role", "root", "--namespace", "*")
                        .exitCode())
                .isEqualTo(2);
        assertThat(run("no-such-command").exitCode()).isEqualTo(2);
    }

    @Test
    void revokedTokenNoLongerAuthenticates() {
        Run created = run("admin", "token", "create", "--data", dataDir.toString(), "--namespace", "io.github.acme/*");
        String id = created.out().split(" ")[3];

        assertThat(run("admin", "token", "revoke", "--data", dataDir.toString(), id)
                        .exitCode())
                .isZero();
        assertThat(run("admin", "token", "revoke", "--data", dataDir.toString(), id)
                        .exitCode())
                .isEqualTo(2);
        assertThat(run("admin", "token", "list", "--data", dataDir.toString()).out())
                .contains("revoked");
    }
}
