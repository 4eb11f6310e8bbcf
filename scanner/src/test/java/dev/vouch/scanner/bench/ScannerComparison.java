package dev.vouch.scanner.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.scanner.corpus.Corpora;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two or more scanner builds compared on Docker's benign catalog (not a test): each build's classes in a
 * loader of their own, in one JVM, one round of each in turn (the order reversed every other round).
 * On a machine shared with other jobs, runs one after the other see different loads; rounds taken in turn
 * see the same, so the builds' medians can be compared where the plain benchmark's figures cannot.
 * Prints each build's thread-CPU MB/s: best round, median and quartiles; and each build's speed against the
 * first, the median and quartiles of the per-round ratios. Which build loads first, and what the compiler makes of
 * each in one JVM, moves the ratio by a per cent or two (one pair of builds gave 1.028 listed one way, 0.988 the
 * other): list the builds both ways, and confirm a small gain with the benchmark in fresh JVMs.
 *
 * <pre>java -cp scanner/target/test-classes:DEPENDENCIES dev.vouch.scanner.bench.ScannerComparison ROUNDS DIR…</pre>
 *
 * where each DIR holds a copy of a build's {@code scanner/target/classes} as {@code DIR/classes}, and the
 * class path leaves the scanner's own classes out, so that each build loads its own.
 */
public final class ScannerComparison {

    private static final long WARM_UP_NANOS_PER_BUILD = 8_000_000_000L;

    private ScannerComparison() {}

    /** One build: its scanner, its scan method, and the corpus parsed into its own input classes. */
    private record Build(String name, Object scanner, Method scan, List<Object> inputs) {

        void scanAll() throws ReflectiveOperationException {
            for (Object input : inputs) {
                scan.invoke(scanner, input);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (ScannerComparison.class.getClassLoader().getResource("dev/vouch/scanner/Scanner.class") != null) {
            throw new IllegalStateException("the scanner's classes are on the class path: every build would run them");
        }
        int rounds = Integer.parseInt(args[0]);
        List<Path> files = Corpora.dockerToolsFiles();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> documents = new ArrayList<>();
        long bytes = 0;
        for (Path file : files) {
            try {
                documents.add(json.readTree(file.toFile()));
                bytes += Files.size(file);
            } catch (IOException e) {
                // The benchmark skips the same unreadable files.
            }
        }
        List<Build> builds = new ArrayList<>();
        for (int b = 1; b < args.length; b++) {
            builds.add(load(Path.of(args[b]), documents));
        }
        WarmUp.run(
                () -> {
                    for (Build build : builds) {
                        build.scanAll();
                    }
                },
                WARM_UP_NANOS_PER_BUILD * builds.size());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][] seconds = new double[builds.size()][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < builds.size(); i++) {
                int b = round % 2 == 0 ? i : builds.size() - 1 - i;
                long start = threads.getCurrentThreadCpuTime();
                builds.get(b).scanAll();
                seconds[b][round] = (threads.getCurrentThreadCpuTime() - start) / 1e9;
            }
        }
        double megabytes = bytes / 1e6;
        for (int b = 0; b < builds.size(); b++) {
            Spread time = Spread.of(seconds[b]);
            System.out.printf(
                    "%-24s thread CPU MB/s: best %.1f, median %.1f, quartiles %.1f-%.1f (%d rounds)%n",
                    builds.get(b).name(),
                    megabytes / time.least(),
                    megabytes / time.median(),
                    megabytes / time.upperQuartile(),
                    megabytes / time.lowerQuartile(),
                    rounds);
        }
        // Rounds taken in turn share their load: the ratio of each round's times is steadier than either median.
        for (int b = 1; b < builds.size(); b++) {
            double[] ratios = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                ratios[round] = seconds[0][round] / seconds[b][round];
            }
            Spread speed = Spread.of(ratios);
            System.out.printf(
                    "%-24s speed against %s, per round: median %.4f, quartiles %.4f-%.4f%n",
                    builds.get(b).name(),
                    builds.get(0).name(),
                    speed.median(),
                    speed.lowerQuartile(),
                    speed.upperQuartile());
        }
    }

    /** The least value of some rounds' figures, their quartiles and their median. */
    record Spread(double least, double lowerQuartile, double median, double upperQuartile) {

        static Spread of(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return new Spread(sorted[0], sorted[n / 4], sorted[n / 2], sorted[n * 3 / 4]);
        }
    }

    /** A build's scanner and inputs, through a loader of its classes over the shared libraries (Jackson, RE2/J). */
    private static Build load(Path dir, List<JsonNode> documents) throws Exception {
        URLClassLoader loader = new URLClassLoader(
                new URL[] {dir.resolve("classes").toUri().toURL()}, ScannerComparison.class.getClassLoader());
        Class<?> scannerClass = loader.loadClass("dev.vouch.scanner.Scanner");
        Class<?> inputClass = loader.loadClass("dev.vouch.scanner.input.ScanInput");
        Method fromJson = inputClass.getMethod("fromJson", JsonNode.class);
        List<Object> inputs = new ArrayList<>();
        for (JsonNode document : documents) {
            try {
                inputs.add(fromJson.invoke(null, document));
            } catch (ReflectiveOperationException e) {
                // An input the scanner refuses is skipped, as the benchmark skips it.
            }
        }
        return new Build(
                dir.toString(),
                scannerClass.getMethod("withBundledRules").invoke(null),
                scannerClass.getMethod("scan", inputClass),
                inputs);
    }
}
