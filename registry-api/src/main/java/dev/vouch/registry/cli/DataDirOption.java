package dev.vouch.registry.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data} option every command that opens the store shares. */
final class DataDirOption {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "./data",
            description = "Directory holding the registry database (default: ${DEFAULT-VALUE}).")
    Path dataDir;
}
