package dev.vouch.registry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code vouch publish}: the publisher's client. Sends a server.json or publish envelope and prints the
 * decision and every check. Exit 0 published, 1 held for review or rejected, 2 usage, input or
 * connection error.
 */
@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        description = "Publish a server.json or publish envelope to a Vouch registry and print the decision.")
final class PublishCommand implements Callable<Integer> {

    @Parameters(
            paramLabel = "FILE",
            description =
                    "A server.json, or an envelope {server, tools, prompts, resources, instructions, attestations, signatures}.")
    Path file;

    @CommandLine.Mixin
    RegistryClient client;

    @CommandLine.Mixin
    GitHubOidcLogin oidc;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        byte[] body;
        try {
            body = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot read " + file);
        }
        Optional<String> exchanged = oidc.registryToken(spec.commandLine(), client.registry, client.timeoutSeconds);
        RegistryClient.Answer answer = client.send(spec.commandLine(), "/v0.1/publish", Optional.of(body), exchanged);
        return report(answer.status(), answer.body());
    }

    private int report(int status, JsonNode json) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (status == 200 || status == 202) {
            JsonNode publish = json.path("_meta").path("io.vouch.registry/publish");
            out.printf(
                    "%s %s@%s (tier %s)%n",
                    status == 200 ? "published" : "held for review",
                    json.path("server").path("name").asText(),
                    json.path("server").path("version").asText(),
                    json.path("_meta")
                            .path("io.vouch.registry/trust")
                            .path("tier")
                            .asText("?"));
            ReportLines.checks(out, publish.path("checks"));
            return status == 200 ? VouchCommand.EXIT_OK : VouchCommand.EXIT_CHECK_FAILED;
        }
        String detail = json.path("detail").asText(json.toString());
        err.printf("%s: %s%n", status == 422 ? "rejected" : "HTTP " + status, detail);
        ReportLines.checks(err, json.path("checks"));
        ReportLines.findings(err, json.path("scan"));
        // A single violation is usually the detail itself: say it once.
        json.path("errors").forEach(error -> {
            if (!error.path("message").asText().equals(detail)) {
                err.printf(
                        "  %s: %s%n",
                        error.path("pointer").asText().isEmpty()
                                ? "(body)"
                                : error.path("pointer").asText(),
                        error.path("message").asText());
            }
        });
        return status == 422 ? VouchCommand.EXIT_CHECK_FAILED : VouchCommand.EXIT_USAGE;
    }
}
