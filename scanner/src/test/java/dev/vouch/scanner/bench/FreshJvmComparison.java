package dev.vouch.scanner.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two or more scanner builds compared by {@link ScannerBenchmark} runs, each in a JVM of its own (not a test).
 * {@link ScannerComparison} runs the builds side by side in one JVM, where which loads first and what the compiler
 * makes of each moves the ratio by a per cent or two; here every run starts cold, the builds take turns (the order
 * reversed every other turn), and each turn's ratio is read against the first build's run of the same turn.
 *
 * <pre>java -cp scanner/target/test-classes:DEPENDENCIES dev.vouch.scanner.bench.FreshJvmComparison \
 *     TURNS ROUNDS CORPUS_SERVERS DIR…</pre>
 *
 * where each DIR holds a copy of a build's {@code scanner/target/classes} as {@code DIR/classes}, as for
 * {@link ScannerComparison}, and each run scans CORPUS_SERVERS for ROUNDS rounds after its warm-up.
 */
public final class FreshJvmComparison {

    private static final Pattern THREAD_CPU = Pattern.compile("thread CPU time:.*= ([0-9.]+) MB/s, best round");

    private FreshJvmComparison() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: FreshJvmComparison TURNS ROUNDS CORPUS_SERVERS DIR DIR…");
            System.exit(2);
        }
        int turns = Integer.parseInt(args[0]);
        String rounds = args[1];
        String corpus = args[2];
        List<Path> builds = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            builds.add(Path.of(args[i]));
        }
        double[][] megabytesPerSecond = new double[builds.size()][turns];
        for (int turn = 0; turn < turns; turn++) {
            for (int k = 0; k < builds.size(); k++) {
                int b = turn % 2 == 0 ? k : builds.size() - 1 - k;
                megabytesPerSecond[b][turn] = run(builds.get(b), rounds, corpus);
                System.out.printf("turn %d  %-24s %.1f MB/s%n", turn + 1, builds.get(b), megabytesPerSecond[b][turn]);
            }
        }
        for (int b = 0; b < builds.size(); b++) {
            ScannerComparison.Spread speed = ScannerComparison.Spread.of(megabytesPerSecond[b]);
            System.out.printf(
                    "%-24s thread CPU MB/s by run: median %.1f, quartiles %.1f-%.1f (%d runs)%n",
                    builds.get(b), speed.median(), speed.lowerQuartile(), speed.upperQuartile(), turns);
        }
        for (int b = 1; b < builds.size(); b++) {
            double[] ratios = new double[turns];
            for (int turn = 0; turn < turns; turn++) {
                ratios[turn] = megabytesPerSecond[b][turn] / megabytesPerSecond[0][turn];
            }
            ScannerComparison.Spread ratio = ScannerComparison.Spread.of(ratios);
            System.out.printf(
                    "%-24s speed against %s, per turn: median %.4f, quartiles %.4f-%.4f%n",
                    builds.get(b), builds.get(0), ratio.median(), ratio.lowerQuartile(), ratio.upperQuartile());
        }
    }

    /** One benchmark run of a build in a fresh JVM: its thread-CPU MB/s. */
    private static double run(Path build, String rounds, String corpus) throws IOException, InterruptedException {
        String classPath =
                build.resolve("classes") + java.io.File.pathSeparator + System.getProperty("java.class.path");
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classPath,
                        ScannerBenchmark.class.getName(),
                        corpus,
                        rounds)
                .redirectErrorStream(true)
                .start();
        Double figure = null;
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                output.append(line).append('\n');
                Matcher matcher = THREAD_CPU.matcher(line);
                if (matcher.find()) {
                    figure = Double.parseDouble(matcher.group(1));
                }
            }
        }
        if (process.waitFor() != 0 || figure == null) {
            throw new IllegalStateException("the benchmark of " + build + " gave no figure:\n" + output);
        }
        return figure;
    }
}
