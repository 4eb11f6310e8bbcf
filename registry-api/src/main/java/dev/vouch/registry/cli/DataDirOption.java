package dev.vouch.registry.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --data} option every command that opens the store shares. */
final class DataDirOption {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "./data",
            description = "Directory holding the registry database (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    /**
     * For commands that inspect a registry rather than start one: a missing database is an input error,
     * never an empty registry created on the spot (which would then verify as "intact").
     */
    Path requireExisting(CommandLine commandLine) {
        Path database = dataDir.resolve(DATABASE_FILE);
        if (!Files.isRegularFile(database)) {
            throw new CommandLine.ParameterException(commandLine, "no registry database at " + database);
        }
        return dataDir;
    }

    static final String DATABASE_FILE = "vouch.db";
}
