package dev.vouch.scanner.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The corpora the scanner is measured on, kept in the repository under
 * {@code scanner/src/test/resources/corpora} (see its README for sources and licences), so a fresh
 * clone measures without anything beside it.
 */
public final class Corpora {

    private static final Path IN_MODULE = Path.of("src", "test", "resources", "corpora");

    private Corpora() {}

    /** The corpora folder, from the scanner module (where Maven runs its tests) or the repository root. */
    public static Path root() {
        Path cwd = Path.of("").toAbsolutePath();
        for (Path candidate :
                new Path[] {cwd.resolve(IN_MODULE), cwd.resolve("scanner").resolve(IN_MODULE)}) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("scanner/src/test/resources/corpora not found from " + cwd);
    }

    /** Docker's catalog's {@code tools.json} files, one per server, in name order. */
    public static List<Path> dockerToolsFiles() throws IOException {
        return toolsFiles(root().resolve("benign-docker-tools").resolve("servers"));
    }

    /** Every {@code tools.json} under {@code dir}, in name order. */
    public static List<Path> toolsFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().equals("tools.json"))
                    .sorted()
                    .toList();
        }
    }
}
