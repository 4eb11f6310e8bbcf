package dev.vouch.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The registry runs under a 256 MB heap (README, *Read performance*) and builds the bundled rule pack on its second
 * core beside the reads it serves. The lexicon's automaton is built from a trie and a full table of transitions that
 * live only while it is built: rule pack 2026.12.05.9's larger lexicon, built from a trie of boxed maps, no longer fit
 * 256 MB, and nothing said so until a benchmark ran out of heap.
 */
class BundledRulesHeapTest {

    /** A quarter of the registry's heap left for the reads it serves while the rule pack is built. */
    private static final String HEAP = "-Xmx192m";

    @Test
    void theBundledRulesBuildInThreeQuartersOfTheRegistrysHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The child writes to a file, not a pipe read before waiting: a child that hangs then fails at the timeout
        // instead of blocking the read, and the test, for ever.
        Path log = Files.createTempFile("bundled-rules-heap", ".log");
        Process process = new ProcessBuilder(
                        java, HEAP, "-cp", System.getProperty("java.class.path"), Load.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = process.waitFor(2, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        assertThat(finished).as(output).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).startsWith("rules ");
    }

    /** Builds the bundled rules in the heap it is given. */
    public static final class Load {
        public static void main(String[] args) {
            Scanner scanner = Scanner.withBundledRules();
            System.out.println("rules " + scanner.rulesVersion());
        }
    }
}
