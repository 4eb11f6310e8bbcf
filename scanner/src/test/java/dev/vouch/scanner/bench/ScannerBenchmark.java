package dev.vouch.scanner.bench;

import dev.vouch.scanner.Scanner;
import dev.vouch.scanner.corpus.Corpora;
import dev.vouch.scanner.input.ScanInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scanner throughput over Docker's benign catalog (not a test; it asserts nothing). One thread, so the
 * figure is per core. Input size is the UTF-8 size of the tools.json files; parsing is excluded.
 *
 * <pre>mvn -B -q -pl scanner -am test-compile exec:java -Dexec.mainClass=dev.vouch.scanner.bench.ScannerBenchmark \
 *     -Dexec.classpathScope=test [-Dexec.args="PATH_TO_CORPUS_SERVERS ROUNDS"]</pre>
 */
public final class ScannerBenchmark {

    private static final long WARM_UP_NANOS = 8_000_000_000L;

    private ScannerBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path servers = args.length > 0
                ? Path.of(args[0])
                : Corpora.root().resolve("benign-docker-tools").resolve("servers");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<ScanInput> inputs = new ArrayList<>();
        long bytes = 0;
        int tools = 0;
        for (Corpora.ToolsFile file : Corpora.readableToolsFiles(servers)) {
            inputs.add(file.input());
            bytes += Files.size(file.path());
            tools += file.input().tools().size();
        }
        Scanner scanner = Scanner.withBundledRules();
        // A few rounds are not enough for the JIT on two cores, nor for the heap to reach its size.
        WarmUp.run(() -> inputs.forEach(scanner::scan), WARM_UP_NANOS);
        // CPU time as well as wall time: on a busy machine the thread's own time is the steadier figure.
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        double total = 0;
        double cpu = 0;
        double bestCpu = Double.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            inputs.forEach(scanner::scan);
            double seconds = (System.nanoTime() - start) / 1e9;
            double roundCpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            cpu += roundCpu;
            bestCpu = Math.min(bestCpu, roundCpu);
            best = Math.min(best, seconds);
            total += seconds;
        }
        double mean = total / rounds;
        System.out.printf(
                "scanner benchmark: %d files, %d tools, %.2f MB, rules %s%n",
                inputs.size(), tools, bytes / 1e6, scanner.rulesVersion());
        System.out.printf(
                "  mean of %d rounds: %.3f s = %.1f MB/s, %.0f tools/s (one thread)%n",
                rounds, mean, bytes / 1e6 / mean, tools / mean);
        System.out.printf(
                "  best round:        %.3f s = %.1f MB/s, %.0f tools/s%n", best, bytes / 1e6 / best, tools / best);
        System.out.printf(
                "  thread CPU time:   %.3f s a round = %.1f MB/s, best round %.3f s = %.1f MB/s%n",
                cpu / rounds, bytes / 1e6 / (cpu / rounds), bestCpu, bytes / 1e6 / bestCpu);
    }
}
