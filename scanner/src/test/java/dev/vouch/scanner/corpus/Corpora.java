package dev.vouch.scanner.corpus;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code shared/corpora}, which lives beside the repository checkout. */
final class Corpora {

    private Corpora() {
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolveSibling("shared").resolve("corpora");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            candidate = dir.resolve("shared").resolve("corpora");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("shared/corpora not found beside the checkout: the corpus tests need it");
    }
}
