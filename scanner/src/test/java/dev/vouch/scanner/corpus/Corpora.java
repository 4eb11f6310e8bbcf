package dev.vouch.scanner.corpus;

import dev.vouch.scanner.JsonMappers;
import dev.vouch.scanner.input.ScanInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /** The live {@code tools/list} answers of popular MCP servers on npm, one file per server, in name order. */
    public static List<Path> npmToolsFiles() throws IOException {
        return toolsFiles(root().resolve("benign-npm-tools").resolve("servers"));
    }

    /**
     * A second harvest of live {@code tools/list} answers, of npm servers the first did not hold. Like the first, half
     * its servers ({@link #isFittedServer}) are fitted on and the other half measure.
     */
    public static List<Path> npmSecondHarvestToolsFiles() throws IOException {
        return toolsFiles(root().resolve("benign-npm-tools-2").resolve("servers"));
    }

    /**
     * A third harvest of live {@code tools/list} answers, of npm servers neither earlier harvest held. Half its servers
     * ({@link #isFittedServer}) are fitted on. The other half measures the model on real servers it was not tuned to:
     * only one server's repeated sentence there was ever read, for the lexicon's "pin".
     */
    public static List<Path> npmThirdHarvestToolsFiles() throws IOException {
        return toolsFiles(root().resolve("benign-npm-tools-3").resolve("servers"));
    }

    /**
     * Whether a real server (Docker's, npm's) is in the half the model is fitted on: a stable hash of its name, so
     * the halves hold still as servers are added.
     */
    public static boolean isFittedServer(String server) {
        return Math.floorMod(server.hashCode(), 2) == 0;
    }

    /** Every {@code tools.json} under {@code dir}, in name order. */
    public static List<Path> toolsFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().equals("tools.json"))
                    .sorted()
                    .toList();
        }
    }

    /** A {@code tools.json} and the tools it holds. */
    public record ToolsFile(Path path, ScanInput input) {}

    /**
     * Every {@code tools.json} under {@code dir} that reads as a tools list, in name order: Docker's
     * {@code ead-factory/tools.json} is not valid JSON upstream, and every benchmark leaves out the same.
     */
    public static List<ToolsFile> readableToolsFiles(Path dir) throws IOException {
        List<ToolsFile> readable = new ArrayList<>();
        for (Path file : toolsFiles(dir)) {
            try {
                readable.add(new ToolsFile(file, ScanInput.fromJson(JsonMappers.JSON.readTree(file.toFile()))));
            } catch (IOException | RuntimeException unreadable) {
                // Reported by BenignRealToolsCorpusTest, which counts it; a benchmark only leaves it out.
            }
        }
        return readable;
    }

    /** Docker's catalog's servers that read as tools lists, in name order. */
    public static List<ToolsFile> readableDockerServers() throws IOException {
        return readableToolsFiles(root().resolve("benign-docker-tools").resolve("servers"));
    }
}
