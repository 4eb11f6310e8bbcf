package dev.vouch.registry.cli;

import dev.vouch.registry.Registry;
import dev.vouch.registry.auth.IssuedToken;
import dev.vouch.registry.auth.Role;
import dev.vouch.registry.policy.PolicySource;
import dev.vouch.store.StoredToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vouch admin token}: create, list and revoke API tokens. */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "Manage API tokens.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand {

    private static final String OPERATOR = "cli:" + System.getProperty("user.name", "operator");

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Create a token. Its secret is printed once, as the last line; only its hash is stored.")
    static final class Create implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Option(
                names = "--namespace",
                paramLabel = "PATTERN",
                description = "A name pattern the token may write: 'io.github.acme/*', 'io.github.acme/server'"
                        + " or '*'. Repeatable; a publisher token needs at least one.")
        List<String> namespaces = new ArrayList<>();

        @Option(
                names = "--role",
                defaultValue = "publisher",
                description = "publisher, curator or admin (default: ${DEFAULT-VALUE}).")
        String role;

        @Option(names = "--description", description = "What the token is for, shown by 'token list'.")
        String description;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Role parsedRole = Role.fromWire(role)
                    .orElseThrow(() -> new CommandLine.ParameterException(
                            spec.commandLine(), "--role must be publisher, curator or admin"));
            try (Registry registry = data.openRegistry(spec.commandLine(), PolicySource.safeDefault())) {
                IssuedToken token =
                        registry.tokens().issue(parsedRole, namespaces, Optional.ofNullable(description), OPERATOR);
                spec.commandLine()
                        .getOut()
                        .printf(
                                "created %s token %s for %s%n",
                                parsedRole.wireName(),
                                token.id(),
                                namespaces.isEmpty() ? "(no grants)" : String.join(", ", namespaces));
                spec.commandLine().getOut().println(token.secret());
            }
            return VouchCommand.EXIT_OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never their secrets).")
    static final class ListTokens implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Registry registry = data.openExistingRegistry(spec.commandLine())) {
                for (StoredToken token : registry.tokens().list()) {
                    spec.commandLine()
                            .getOut()
                            .printf(
                                    "%s\t%s\t%s\t%s\t%s%n",
                                    token.id(),
                                    token.role(),
                                    String.join(",", token.grants()),
                                    token.revokedAt().map(at -> "revoked " + at).orElse("active"),
                                    token.description().orElse(""));
                }
            }
            return VouchCommand.EXIT_OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token by id.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Parameters(paramLabel = "TOKEN_ID")
        String tokenId;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Registry registry = data.openExistingRegistry(spec.commandLine())) {
                if (!registry.tokens().revoke(tokenId, OPERATOR)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "no active token " + tokenId);
                }
                spec.commandLine().getOut().println("revoked " + tokenId);
            }
            return VouchCommand.EXIT_OK;
        }
    }
}
