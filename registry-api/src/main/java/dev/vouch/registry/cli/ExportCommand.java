package dev.vouch.registry.cli;

import dev.vouch.registry.domain.Tier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vouch export}: catalog exports for runtimes, read from a running registry. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Export a registry's catalog in a runtime's own format.",
        subcommands = ExportCommand.DockerCatalogCommand.class)
final class ExportCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a format is required: docker-catalog");
    }

    /**
     * {@code vouch export docker-catalog}: Docker MCP gateway's catalog.yaml (version 2) of the latest
     * vetted versions. Exit 0 written, 2 usage or connection error.
     */
    @Command(
            name = "docker-catalog",
            mixinStandardHelpOptions = true,
            description =
                    "Write Docker MCP gateway's catalog.yaml (version 2): image pinned by digest, tools, secrets, env, remotes.")
    static final class DockerCatalogCommand implements Callable<Integer> {

        @CommandLine.Mixin
        PublicReads reads;

        @Option(
                names = "--tier",
                paramLabel = "TIER",
                description = "verified: only verified versions; community (default): every published one.")
        String tier;

        @Option(
                names = {"-o", "--output"},
                paramLabel = "FILE",
                description = "Write here instead of standard output.")
        Path output;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            if (tier != null && Tier.fromWire(tier).isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--tier must be verified or community");
            }
            PublicReads.Answer answer = reads.get(
                    spec.commandLine(), "/v0.1/export/docker-catalog.yaml" + (tier == null ? "" : "?tier=" + tier));
            if (answer.status() != 200) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "registry answered HTTP " + answer.status());
            }
            if (output == null) {
                spec.commandLine().getOut().print(new String(answer.body(), StandardCharsets.UTF_8));
                spec.commandLine().getOut().flush();
            } else {
                try {
                    Files.write(output, answer.body());
                } catch (IOException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "cannot write " + output);
                }
            }
            return VouchCommand.EXIT_OK;
        }
    }
}
