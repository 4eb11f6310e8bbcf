package dev.vouch.scanner.corpus;

import java.nio.file.Files;
import java.nio.file.Path;

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
}
