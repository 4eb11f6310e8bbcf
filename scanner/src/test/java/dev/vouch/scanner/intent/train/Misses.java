package dev.vouch.scanner.intent.train;

import dev.vouch.scanner.Finding;
import dev.vouch.scanner.ScanReport;
import dev.vouch.scanner.Scanner;
import dev.vouch.scanner.ToolReport;
import dev.vouch.scanner.Verdict;
import dev.vouch.scanner.intent.Feature;
import dev.vouch.scanner.intent.IntentFeatures;
import dev.vouch.scanner.intent.train.LabelledTools.Example;
import java.io.IOException;
import java.util.List;
import java.util.Random;

/**
 * Prints a sample of the scanner's mistakes on the labelled corpus, with the findings behind each: the
 * positives it passes and the negatives it flags. A tool for reading, not a test.
 *
 * <pre>
 * mvn -B -q -pl scanner exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.vouch.scanner.intent.train.Misses -Dexec.args="train 20"
 * </pre>
 */
public final class Misses {

    private Misses() {}

    public static void main(String[] args) throws IOException {
        boolean train = args.length == 0 || "train".equals(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Scanner scanner = Scanner.withBundledRules();
        List<Example> examples = new java.util.ArrayList<>(
                LabelledTools.vouch().stream().filter(e -> e.train() == train).toList());
        java.util.Collections.shuffle(examples, new Random(args.length > 2 ? Long.parseLong(args[2]) : 1));
        int missed = 0;
        int flagged = 0;
        for (Example example : examples) {
            ScanReport report = scanner.scan(example.input());
            ToolReport tool = report.tools().get(example.index());
            boolean wrong = example.positive()
                    ? tool.verdict() == Verdict.PASS
                    : tool.verdict() != Verdict.PASS && !example.pushy();
            if (!wrong || (example.positive() ? missed++ : flagged++) >= count) {
                continue;
            }
            System.out.printf(
                    "%s %s %s %s -> %s%n  %s%n",
                    example.positive() ? "MISSED" : "FLAGGED",
                    example.id(),
                    example.kind(),
                    example.style(),
                    tool.verdict().wireName(),
                    example.input()
                            .tools()
                            .get(example.index())
                            .definition()
                            .toString()
                            .replace("\n", " "));
            for (Finding finding : tool.findings()) {
                System.out.printf(
                        "    %s %s %s%n", finding.ruleId(), finding.severity().wireName(), finding.evidence());
            }
            double[] x = scanner.instructionVectors(example.input())
                    .get(example.index())
                    .values();
            StringBuilder active = new StringBuilder("    inputs:");
            for (int i = 0; i < x.length; i++) {
                if (x[i] != 0 && i < Feature.values().length + 30) {
                    active.append(' ').append(IntentFeatures.inputNames().get(i));
                }
            }
            System.out.println(active);
        }
    }
}
