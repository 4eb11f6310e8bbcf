package dev.vouch.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.registry.Registry;
import dev.vouch.registry.auth.NamespaceGrant;
import dev.vouch.registry.auth.Principal;
import dev.vouch.registry.auth.Role;
import dev.vouch.registry.evidence.EvidenceSources;
import dev.vouch.registry.http.ApiServer;
import dev.vouch.registry.http.HttpOptions;
import dev.vouch.registry.http.observability.AccessLog;
import dev.vouch.registry.mirror.MirrorReport;
import dev.vouch.registry.policy.PolicySource;
import dev.vouch.registry.snapshot.RegistryKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vouch mirror} as an operator runs it, against a real upstream Vouch on a random port. */
class MirrorCommandTest {

    static final Principal PUBLISHER =
            new Principal("test-publisher", Role.PUBLISHER, List.of(new NamespaceGrant(NamespaceGrant.EVERYTHING)));

    @TempDir
    Path dir;

    Registry upstream;
    ApiServer server;
    String url;

    @BeforeEach
    void start() {
        upstream = Registry.openSqlite(dir.resolve("upstream"), PolicySource.safeDefault(), EvidenceSources.defaults());
        upstream.publisher().publish(PUBLISHER, SnapshotCommandTest.manifest("io.github.acme/tides", "1.0.0", "Tides"));
        upstream.publisher()
                .publish(PUBLISHER, SnapshotCommandTest.manifest("io.github.strict/tides", "1.0.0", "Tides"));
        server = upstream.httpServer(HttpOptions.defaults().withAccessLog(AccessLog.none()))
                .start("127.0.0.1", 0);
        url = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
        upstream.close();
    }

    Path strictPolicy() throws Exception {
        return Files.writeString(dir.resolve("strict.yaml"), """
                namespaces:
                  "io.github.strict/*":
                    require: {signature: true}
                    identities:
                      - issuer: https://token.actions.githubusercontent.com
                        subjectPattern: ^https://github\\.com/strict/.*$
                """);
    }

    @Test
    void mirrorsOnceUnderTheLocalPolicyAndListsWhatItRejected() throws Exception {
        String data = dir.resolve("local").toString();

        VouchCommandTest.Run run = VouchCommandTest.run(
                "mirror",
                "--upstream",
                url,
                "--data",
                data,
                "--policy",
                strictPolicy().toString(),
                "--once");
        VouchCommandTest.Run rejected = VouchCommandTest.run("mirror", "rejected", "--data", data);
        VouchCommandTest.Run again = VouchCommandTest.run(
                "mirror",
                "--upstream",
                url,
                "--data",
                data,
                "--policy",
                strictPolicy().toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("2 read").contains("1 published").contains("1 rejected");
        assertThat(rejected.exitCode()).isZero();
        assertThat(rejected.out())
                .contains("io.github.strict/tides@1.0.0 from " + url)
                .contains("required by policy")
                .contains("1 rejected");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out())
                .as("nothing new: whatever it re-read is unchanged")
                .contains(", 0 published, 0 held for review, 0 rejected, 0 updated,")
                .contains(" 0 skipped");
    }

    @Test
    void aWrongUpstreamKeyFailsTheRunWithExitOne() throws Exception {
        Path wrong = Files.writeString(
                dir.resolve("wrong.pem"),
                RegistryKey.loadOrGenerate(dir.resolve("elsewhere")).publicKeyPem());

        VouchCommandTest.Run run = VouchCommandTest.run(
                "mirror",
                "--upstream",
                url,
                "--data",
                dir.resolve("local").toString(),
                "--upstream-key",
                wrong.toString());

        assertThat(run.exitCode()).isEqualTo(VouchCommand.EXIT_CHECK_FAILED);
        assertThat(run.err())
                .startsWith("mirror failed: the upstream's snapshot is not trusted")
                .hasLineCount(1);
    }

    @Test
    void badInputExitsTwoWithOneLineReason() throws Exception {
        String data = dir.resolve("local").toString();
        Path notAKey = Files.writeString(dir.resolve("not-a-key.pem"), "hello");
        Path badPolicy = Files.writeString(dir.resolve("bad.yaml"), "default: {scanReview: maybe}\n");
        List<List<String>> cases = List.of(
                List.of("mirror", "--data", data),
                List.of("mirror", "--upstream", "ftp://example.com", "--data", data),
                List.of("mirror", "--upstream", "http://", "--data", data),
                List.of("mirror", "--upstream", url, "--data", data, "--interval", "5x"),
                List.of("mirror", "--upstream", url, "--data", data, "--interval", "1s"),
                List.of("mirror", "--upstream", url, "--data", data, "--once", "--interval", "5m"),
                List.of(
                        "mirror",
                        "--upstream",
                        url,
                        "--data",
                        data,
                        "--upstream-key",
                        dir.resolve("none.pem").toString()),
                List.of("mirror", "--upstream", url, "--data", data, "--upstream-key", notAKey.toString()),
                List.of("mirror", "--upstream", url, "--data", data, "--policy", badPolicy.toString()),
                List.of("mirror", "--upstream", url, "--data", data, "--timeout", "0"),
                List.of(
                        "mirror",
                        "rejected",
                        "--data",
                        dir.resolve("nothing-here").toString()),
                List.of("serve", "--mirror", "ftp://example.com", "--data", data),
                List.of("serve", "--mirror-key", notAKey.toString(), "--data", data));

        for (List<String> args : cases) {
            VouchCommandTest.Run run = VouchCommandTest.run(args.toArray(String[]::new));

            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(VouchCommand.EXIT_USAGE);
            assertThat(run.err()).as(String.join(" ", args)).hasLineCount(1).doesNotContain("Exception");
        }
        assertThat(Files.exists(dir.resolve("local").resolve("vouch.db")))
                .as("bad input opens nothing")
                .isFalse();
    }

    @Test
    void onATerminalTheProgressLineHasABarRateAndEtaWhereTheUpstreamGivesACount() {
        MirrorReport soFar =
                new MirrorReport(url, false, 3, 300, 280, 10, 10, 0, 0, 0, List.of(), true, Duration.ofSeconds(3));

        String withCount = ProgressPrinter.line(soFar, Optional.of(1200L), 100);
        String withoutCount = ProgressPrinter.line(soFar, Optional.empty(), 100);

        assertThat(withCount).startsWith("[#######.......................] 300/1,200 servers, 100 servers/s, ETA 0:09");
        assertThat(withoutCount).startsWith("300 servers, 100 servers/s (").doesNotContain("ETA");
    }

    @Test
    void offATerminalProgressIsPlainPeriodicLines() {
        java.io.StringWriter out = new java.io.StringWriter();
        ProgressPrinter printer = new ProgressPrinter(new java.io.PrintWriter(out, true), false, Duration.ZERO);
        MirrorReport soFar =
                new MirrorReport(url, false, 1, 100, 100, 0, 0, 0, 0, 0, List.of(), true, Duration.ofSeconds(1));

        printer.page(soFar, Optional.empty());
        printer.page(soFar, Optional.empty());
        printer.finished(soFar);

        assertThat(out.toString().lines().toList())
                .hasSize(3)
                .allSatisfy(line -> assertThat(line).doesNotContain("\r"));
        assertThat(out.toString().lines().toList().get(0)).startsWith("mirror: 100 servers,");
        assertThat(out.toString().lines().toList().get(2)).startsWith("mirror " + url + ": 100 read in 1 page(s)");
    }
}
