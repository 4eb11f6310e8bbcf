package dev.vouch.registry.cli;

import dev.vouch.registry.Registry;
import dev.vouch.registry.advisories.AdvisoryService;
import dev.vouch.registry.policy.PolicySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code vouch admin advisories}: the offline OSV advisory database of the vulnerability gate. */
@Command(
        name = "advisories",
        mixinStandardHelpOptions = true,
        description = "Manage vulnerability advisories.",
        subcommands = {AdvisoriesCommand.Import.class})
final class AdvisoriesCommand {

    private static final String OPERATOR = "cli:" + System.getProperty("user.name", "operator");

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description =
                    "Import OSV advisories (npm, PyPI, Go, Maven, crates.io) from a directory or zip of OSV JSON.")
    static final class Import implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Parameters(paramLabel = "PATH", description = "A directory (searched recursively) or a zip of OSV JSON files.")
        Path path;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (!Files.exists(path)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no such file or directory: " + path);
            }
            try (Registry registry = data.openRegistry(spec.commandLine(), PolicySource.safeDefault())) {
                AdvisoryService.ImportResult result = registry.advisories().importOsv(path, OPERATOR);
                spec.commandLine()
                        .getOut()
                        .printf(
                                "imported %d affected-package entries from %d advisories%s%s%n",
                                result.entries(),
                                result.documents(),
                                result.skippedEcosystems().isEmpty()
                                        ? ""
                                        : "; skipped ecosystems " + result.skippedEcosystems(),
                                result.unreadable().isEmpty()
                                        ? ""
                                        : "; unreadable: " + String.join(", ", result.unreadable()));
                return result.unreadable().isEmpty() ? VouchCommand.EXIT_OK : VouchCommand.EXIT_USAGE;
            }
        }
    }
}
