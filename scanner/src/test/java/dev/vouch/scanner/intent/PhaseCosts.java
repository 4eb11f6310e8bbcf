package dev.vouch.scanner.intent;

import dev.vouch.scanner.Scanner;
import dev.vouch.scanner.corpus.Corpora;
import dev.vouch.scanner.input.ScanInput;
import dev.vouch.scanner.input.TextExtractor;
import dev.vouch.scanner.input.TextField;
import dev.vouch.scanner.input.ToolDefinition;
import dev.vouch.scanner.normalize.Normalizer;
import dev.vouch.scanner.rules.RulePack;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * What each phase of the instruction reading costs inside the scan (not a test): a round of scans of
 * Docker's benign catalog with one phase run once more over the read texts of each server, right after
 * that server's scan, less a plain round taken in the same turn. A phase timed alone keeps its tables in
 * the cache; inside the scan it shares the cache with everything else, and this is the cost that counts.
 * Prints, for each phase, the median and quartiles of that difference in milliseconds of thread CPU time.
 *
 * <pre>java -cp scanner/target/test-classes:scanner/target/classes:DEPENDENCIES dev.vouch.scanner.intent.PhaseCosts [ROUNDS]</pre>
 */
public final class PhaseCosts {

    private static final long WARM_UP_NANOS = 10_000_000_000L;

    private PhaseCosts() {}

    /** A text the instruction check reads, with what the phases start from. */
    private record Read(String raw, String normalized, FoldedText folding, ToolContext context) {

        String folded() {
            return folding.text();
        }
    }

    /** One server: its input and the texts of its tools that the instruction check reads. */
    private record Server(ScanInput input, List<Read> reads) {}

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        Lexicon lexicon = Lexicon.bundled();
        RulePack rules = RulePack.bundled();
        List<Server> servers = servers(lexicon);
        describe(servers);
        InstructionAnalyzer analyzer = new InstructionAnalyzer(lexicon);
        long[] sink = {0};
        Map<String, ToLongFunction<Read>> phases = new LinkedHashMap<>();
        phases.put("none", read -> 0);
        phases.put("normalise", read -> Normalizer.normalize(read.raw()).text().length());
        phases.put("fold", read -> FoldedText.of(read.normalized()).text().length());
        phases.put("sentence bounds", read -> TextBounds.of(read.folded()).count());
        phases.put("lexicon", read -> {
            lexicon.match(read.folding().chars(), (cues, start, end) -> sink[0] += start);
            return 0;
        });
        phases.put("token pass", read -> {
            List<Map<Cue, int[]>> cues = List.of(new EnumMap<>(Cue.class));
            TokenCues.mark(read.normalized(), read.folding().source(), read.context(), cues, new int[] {0});
            return cues.get(0).size();
        });
        phases.put("encodings", read -> EncodedSpans.find(read.normalized()).size());
        phases.put(
                "rule candidates", read -> rules.candidates(read.normalized()).size());
        phases.put(
                "analysis after folding",
                read -> analyzer.analyse(read.normalized(), read.folding(), read.context())
                        .size());
        Scanner scanner = Scanner.withBundledRules();
        List<String> names = new ArrayList<>(phases.keySet());
        long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
        while (System.nanoTime() < warmUpEnd) {
            for (String name : names) {
                sink[0] += round(scanner, servers, phases.get(name));
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][] millis = new double[names.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < names.size(); i++) {
                // Reversed every other round, so no phase always follows the same one.
                int phase = r % 2 == 0 ? i : names.size() - 1 - i;
                long start = threads.getCurrentThreadCpuTime();
                sink[0] += round(scanner, servers, phases.get(names.get(phase)));
                millis[phase][r] = (threads.getCurrentThreadCpuTime() - start) / 1e6;
            }
        }
        double[] plain = millis[0].clone();
        Arrays.sort(plain);
        System.out.printf(
                "the scan alone: median %.1f ms, best %.1f ms (%d rounds)%n", plain[rounds / 2], plain[0], rounds);
        for (int phase = 1; phase < names.size(); phase++) {
            double[] extra = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                extra[r] = millis[phase][r] - millis[0][r];
            }
            Arrays.sort(extra);
            System.out.printf(
                    "%-24s %5.1f ms (quartiles %.1f to %.1f)%n",
                    names.get(phase), extra[rounds / 2], extra[rounds / 4], extra[3 * rounds / 4]);
        }
        // Printed so that no phase's work can be left out as unused.
        System.out.println("checksum " + sink[0]);
    }

    private static long round(Scanner scanner, List<Server> servers, ToLongFunction<Read> phase) {
        long sink = 0;
        for (Server server : servers) {
            sink += scanner.scan(server.input()).tools().size();
            for (Read read : server.reads()) {
                sink += phase.applyAsLong(read);
            }
        }
        return sink;
    }

    private static List<Server> servers(Lexicon lexicon) throws IOException {
        List<Server> servers = new ArrayList<>();
        for (Corpora.ToolsFile file : Corpora.readableDockerServers()) {
            ScanInput input = file.input();
            ToolContext.ToolSet toolSet = ToolContext.ToolSet.of(input.tools(), lexicon.toolNames());
            List<Read> reads = new ArrayList<>();
            for (ToolDefinition tool : input.tools()) {
                ToolContext context = toolSet.of(tool);
                for (TextField field : TextExtractor.tool(tool)) {
                    String normalized = Normalizer.normalize(field.text()).text();
                    if (IntentFeatures.reads(field.kind()) && normalized.length() >= IntentFeatures.MIN_READ) {
                        reads.add(new Read(field.text(), normalized, FoldedText.of(normalized), context));
                    }
                }
            }
            servers.add(new Server(input, reads));
        }
        return servers;
    }

    private static void describe(List<Server> servers) {
        long texts = 0;
        long chars = 0;
        long disguised = 0;
        long disguisedChars = 0;
        for (Server server : servers) {
            for (Read read : server.reads()) {
                texts++;
                chars += read.normalized().length();
                if (FoldedText.of(read.normalized()).disguised()) {
                    disguised++;
                    disguisedChars += read.normalized().length();
                }
            }
        }
        System.out.printf(
                "%d texts read, %d characters; %d disguised (read twice), %d characters%n",
                texts, chars, disguised, disguisedChars);
    }
}
