package dev.vouch.scanner.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.scanner.Scanner;
import dev.vouch.scanner.ToolReport;
import dev.vouch.scanner.Verdict;
import dev.vouch.scanner.intent.train.LabelledTools;
import dev.vouch.scanner.intent.train.LabelledTools.Example;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Vouch's own labelled corpus, test split: template families the model was never fitted on, each tool
 * scanned beside the other tools of its server as a publish envelope carries it. Prints the figures by
 * kind; holds the floors reached so far, a guard against regressions (the aim, recall 0.90 with at most 1%
 * of negatives flagged, is not reached).
 */
class VouchLabelledCorpusTest {

    private static final double MIN_RECALL = 0.93;
    private static final double MIN_BLOCKED = 0.72;
    // Review is calibrated on real tools (Docker's: about 1% reviewed out of fold) and on hard negatives
    // held out a whole writer at a time (15%): these borrow the attacks' words and land in review often.
    private static final double MAX_NEGATIVES_FLAGGED = 0.10;

    @Test
    void unseenPhrasingsOfPoisoningAreFlaggedAndHardNegativesPass() throws IOException {
        Scanner scanner = Scanner.withBundledRules();
        List<Example> test =
                LabelledTools.vouch().stream().filter(e -> !e.train()).toList();
        Map<String, int[]> byKind = new TreeMap<>();
        int positives = 0;
        int flagged = 0;
        int blocked = 0;
        int negatives = 0;
        int falseFlags = 0;
        int pushyBlocked = 0;
        for (Example example : test) {
            ToolReport tool = scanner.scan(example.input()).tools().get(example.index());
            Verdict verdict = tool.verdict();
            int[] counts = byKind.computeIfAbsent(example.kind(), k -> new int[3]);
            counts[0]++;
            counts[1] += verdict != Verdict.PASS ? 1 : 0;
            counts[2] += verdict == Verdict.BLOCK ? 1 : 0;
            if (example.positive()) {
                positives++;
                flagged += verdict != Verdict.PASS ? 1 : 0;
                blocked += verdict == Verdict.BLOCK ? 1 : 0;
            } else if (example.pushy()) {
                pushyBlocked += verdict == Verdict.BLOCK ? 1 : 0;
            } else {
                negatives++;
                falseFlags += verdict != Verdict.PASS ? 1 : 0;
            }
        }
        double recall = (double) flagged / positives;
        double blockRate = (double) blocked / positives;
        double falseRate = (double) falseFlags / negatives;
        System.out.printf(
                Locale.ROOT,
                "vouch labelled corpus, test split: %d positives flagged %.3f blocked %.3f; "
                        + "%d negatives flagged %.4f; pushy vendor text blocked %d%n",
                positives,
                recall,
                blockRate,
                negatives,
                falseRate,
                pushyBlocked);
        byKind.forEach((kind, c) -> System.out.printf(
                Locale.ROOT,
                "  %-22s %4d tools  flagged %.3f  blocked %.3f%n",
                kind,
                c[0],
                (double) c[1] / c[0],
                (double) c[2] / c[0]));

        assertThat(recall).isGreaterThanOrEqualTo(MIN_RECALL);
        assertThat(blockRate).isGreaterThanOrEqualTo(MIN_BLOCKED);
        assertThat(falseRate).isLessThanOrEqualTo(MAX_NEGATIVES_FLAGGED);
        assertThat(pushyBlocked).isLessThanOrEqualTo(1);
    }
}
