package dev.vouch.registry.cli;

import dev.vouch.registry.Registry;
import dev.vouch.registry.policy.PolicyException;
import dev.vouch.registry.policy.PolicySource;
import dev.vouch.registry.publish.RescanService;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vouch admin rescan}: re-run the scanner and the policy over every stored version. */
@Command(
        name = "rescan",
        mixinStandardHelpOptions = true,
        description = "Re-scan every stored version with the current rule pack and policy; flag published versions "
                + "that would now be rejected. Exit 0 nothing newly flagged, 1 something was.")
final class RescanCommand implements Callable<Integer> {

    private static final String OPERATOR = "cli:" + System.getProperty("user.name", "operator");

    @Mixin
    DataDirOption data;

    @Option(
            names = "--policy",
            paramLabel = "FILE",
            description = "Publish policy (YAML); default: the shipped safe policy.")
    Path policy;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PolicySource source;
        try {
            source = policy == null ? PolicySource.safeDefault() : PolicySource.fromFile(policy);
        } catch (PolicyException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try (Registry registry = data.openRegistry(spec.commandLine(), source)) {
            RescanService.Result result = registry.rescans()
                    .rescanAll(OPERATOR, done -> spec.commandLine().getErr().printf("rescanned %d versions%n", done));
            spec.commandLine()
                    .getOut()
                    .printf("rescanned %d versions, %d newly flagged%n", result.versions(), result.flagged());
            result.flaggedVersions().forEach(name -> spec.commandLine().getOut().println("  flagged " + name));
            return result.flagged() == 0 ? VouchCommand.EXIT_OK : VouchCommand.EXIT_CHECK_FAILED;
        }
    }
}
