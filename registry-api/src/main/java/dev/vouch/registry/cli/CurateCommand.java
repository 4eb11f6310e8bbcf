package dev.vouch.registry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vouch curate}: the curator's client of a running registry. Lists the held versions, shows why
 * one is held, approves or rejects it. Exit 0 done, 2 usage error or an answer other than success.
 */
@Command(
        name = "curate",
        mixinStandardHelpOptions = true,
        description = "Work a Vouch registry's curator queue (needs a curator or admin token).",
        subcommands = {
            CurateCommand.Pending.class,
            CurateCommand.Show.class,
            CurateCommand.Approve.class,
            CurateCommand.Reject.class
        })
final class CurateCommand {

    /** A curator's call to the registry: the client that reaches it, and where to print. */
    abstract static class CuratorCall implements Callable<Integer> {
        @CommandLine.Mixin
        RegistryClient client;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        /** An answer other than success: its status and the problem's detail, on one line. */
        int failed(RegistryClient.Answer answer) {
            spec.commandLine()
                    .getErr()
                    .printf(
                            "HTTP %d: %s%n",
                            answer.status(),
                            answer.body()
                                    .path("detail")
                                    .asText(answer.body().path("title").asText("request refused")));
            return VouchCommand.EXIT_USAGE;
        }
    }

    /** A call about one held version, by name and version. */
    abstract static class OnVersion extends CuratorCall {
        @Parameters(index = "0", paramLabel = "NAME", description = "The server name, e.g. io.github.acme/weather")
        String name;

        @Parameters(index = "1", paramLabel = "VERSION")
        String version;

        String path(String action) {
            return "/v0.1/curation/servers/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/versions/"
                    + URLEncoder.encode(version, StandardCharsets.UTF_8) + "/" + action;
        }
    }

    @Command(name = "pending", mixinStandardHelpOptions = true, description = "List the versions held for a curator.")
    static final class Pending extends CuratorCall {
        @Override
        public Integer call() throws InterruptedException {
            RegistryClient.Answer answer = client.send(spec.commandLine(), "/v0.1/curation/pending", Optional.empty());
            if (answer.status() != 200) {
                return failed(answer);
            }
            PrintWriter out = spec.commandLine().getOut();
            JsonNode servers = answer.body().path("servers");
            out.printf("%d version(s) held%n", servers.size());
            for (JsonNode entry : servers) {
                JsonNode trust = entry.path("_meta").path("io.vouch.registry/trust");
                out.printf(
                        "  %s@%s  tier %s, scan %s (%d finding(s))%n",
                        entry.path("server").path("name").asText(),
                        entry.path("server").path("version").asText(),
                        trust.path("tier").asText("?"),
                        trust.path("scan").path("verdict").asText("?"),
                        trust.path("scan").path("findings").asInt());
            }
            return VouchCommand.EXIT_OK;
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Print why a version is held: every check, finding and tool change.")
    static final class Show extends OnVersion {
        @Override
        public Integer call() throws InterruptedException {
            RegistryClient.Answer answer = client.send(spec.commandLine(), path("report"), Optional.empty());
            if (answer.status() != 200) {
                return failed(answer);
            }
            PrintWriter out = spec.commandLine().getOut();
            JsonNode report = answer.body();
            out.printf("%s@%s: %s%n", name, version, report.path("decision").asText("?"));
            ReportLines.checks(out, report.path("checks"));
            ReportLines.findings(out, report.path("scan"));
            JsonNode drift = report.path("drift");
            if (drift.isObject()) {
                out.printf(
                        "  tools added %s, removed %s, changed %s%n",
                        drift.path("added"), drift.path("removed"), drift.path("changed"));
            }
            return VouchCommand.EXIT_OK;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true, description = "Publish a held version.")
    static final class Approve extends OnVersion {
        @Override
        public Integer call() throws InterruptedException {
            RegistryClient.Answer answer = client.send(spec.commandLine(), path("approve"), Optional.of(new byte[0]));
            if (answer.status() != 200) {
                return failed(answer);
            }
            spec.commandLine()
                    .getOut()
                    .printf(
                            "approved %s@%s%s%n",
                            name,
                            version,
                            answer.body()
                                            .path("_meta")
                                            .path("io.modelcontextprotocol.registry/official")
                                            .path("isLatest")
                                            .asBoolean()
                                    ? " (now latest)"
                                    : "");
            return VouchCommand.EXIT_OK;
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, description = "Reject a held version with a reason.")
    static final class Reject extends OnVersion {
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (1 to 500 characters).")
        String reason;

        @Override
        public Integer call() throws InterruptedException {
            byte[] body = JsonNodeFactory.instance
                    .objectNode()
                    .put("reason", reason)
                    .toString()
                    .getBytes(StandardCharsets.UTF_8);
            RegistryClient.Answer answer = client.send(spec.commandLine(), path("reject"), Optional.of(body));
            if (answer.status() != 200) {
                return failed(answer);
            }
            spec.commandLine().getOut().printf("rejected %s@%s: %s%n", name, version, reason);
            return VouchCommand.EXIT_OK;
        }
    }
}
