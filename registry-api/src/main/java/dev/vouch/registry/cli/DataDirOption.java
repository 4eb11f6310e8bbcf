package dev.vouch.registry.cli;

import dev.vouch.registry.Registry;
import dev.vouch.registry.auth.exchange.ExchangeSettings;
import dev.vouch.registry.evidence.EvidenceSources;
import dev.vouch.registry.policy.PolicySource;
import dev.vouch.store.PostgresSettings;
import dev.vouch.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code --data} option every command that opens the store shares, and {@code --database}: a
 * PostgreSQL database in place of the SQLite file under {@code --data}. Its password never comes from
 * the command line (where any user of the machine can read it): from {@value #PASSWORD_VARIABLE} or a
 * file.
 */
final class DataDirOption {
    static final String PASSWORD_VARIABLE = "VOUCH_DATABASE_PASSWORD";

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "./data",
            description = "Directory holding the registry database (default: ${DEFAULT-VALUE}); with --database, "
                    + "only what each node keeps for itself (the generated signing key).")
    Path dataDir;

    @Option(
            names = "--database",
            paramLabel = "URL",
            description = "A PostgreSQL database instead of SQLite: postgresql://HOST[:PORT]/DB?user=ROLE "
                    + "or jdbc:postgresql://…; the password from " + PASSWORD_VARIABLE
                    + " or --database-password-file, never in the URL.")
    String database;

    @Option(
            names = "--database-password-file",
            paramLabel = "FILE",
            description = "A file whose first line is the database password.")
    Path passwordFile;

    /** Where the environment comes from; a field so tests can hand one in. */
    Map<String, String> environment = System.getenv();

    /** Opens (creating and migrating if needed) the registry's store. */
    Store openStore(CommandLine commandLine) {
        return database == null ? Store.openSqlite(dataDir) : Store.openPostgres(postgres(commandLine));
    }

    /**
     * For commands that inspect a registry rather than start one: a missing database is an input error,
     * never an empty registry created on the spot (which would then verify as "intact").
     */
    Store openExistingStore(CommandLine commandLine) {
        if (database == null) {
            return Store.openSqlite(requireExisting(commandLine));
        }
        PostgresSettings settings = postgres(commandLine);
        if (!Store.postgresHoldsRegistry(settings)) {
            throw new CommandLine.ParameterException(commandLine, "no registry in the database " + settings);
        }
        return Store.openPostgres(settings);
    }

    /** The registry over {@link #openStore}, on the default evidence sources and publisher authentication. */
    Registry openRegistry(CommandLine commandLine, PolicySource policy) {
        return Registry.open(
                openStore(commandLine), dataDir, policy, EvidenceSources.defaults(), ExchangeSettings.defaults());
    }

    /** The registry over {@link #openExistingStore}. */
    Registry openExistingRegistry(CommandLine commandLine) {
        return Registry.open(
                openExistingStore(commandLine),
                dataDir,
                PolicySource.safeDefault(),
                EvidenceSources.defaults(),
                ExchangeSettings.defaults());
    }

    /** Where the registry's data is, as the operator may see it (never with a password). */
    String describe() {
        return database == null ? dataDir.toAbsolutePath().normalize().toString() : postgresForDisplay();
    }

    private String postgresForDisplay() {
        try {
            return PostgresSettings.parse(database, Optional.empty()).toString();
        } catch (IllegalArgumentException e) {
            return "PostgreSQL";
        }
    }

    Path requireExisting(CommandLine commandLine) {
        Path databaseFile = dataDir.resolve(DATABASE_FILE);
        if (!Files.isRegularFile(databaseFile)) {
            throw new CommandLine.ParameterException(commandLine, "no registry database at " + databaseFile);
        }
        return dataDir;
    }

    private PostgresSettings postgres(CommandLine commandLine) {
        try {
            return PostgresSettings.parse(database, password(commandLine));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, "--database: " + e.getMessage());
        }
    }

    private Optional<String> password(CommandLine commandLine) {
        if (passwordFile != null) {
            try {
                String first = Files.readString(passwordFile, StandardCharsets.UTF_8)
                        .lines()
                        .findFirst()
                        .orElse("");
                if (first.isEmpty()) {
                    throw new CommandLine.ParameterException(
                            commandLine, "--database-password-file: " + passwordFile + " is empty");
                }
                return Optional.of(first);
            } catch (IOException e) {
                throw new CommandLine.ParameterException(
                        commandLine, "--database-password-file: cannot read " + passwordFile);
            }
        }
        return Optional.ofNullable(environment.get(PASSWORD_VARIABLE)).filter(p -> !p.isEmpty());
    }

    static final String DATABASE_FILE = "vouch.db";
}
