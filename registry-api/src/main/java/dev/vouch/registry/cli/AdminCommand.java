package dev.vouch.registry.cli;

import picocli.CommandLine.Command;

/** {@code vouch admin}: operator commands that work on the data directory directly. */
@Command(
        name = "admin",
        mixinStandardHelpOptions = true,
        description = "Administer a registry's data directory.",
        subcommands = {TokenCommand.class, AuditCommand.class, AdvisoriesCommand.class, RescanCommand.class})
final class AdminCommand {}
