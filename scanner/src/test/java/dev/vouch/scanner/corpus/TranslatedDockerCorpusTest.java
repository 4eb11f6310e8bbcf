package dev.vouch.scanner.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.scanner.Scanner;
import dev.vouch.scanner.Verdict;
import dev.vouch.scanner.intent.train.LabelledTools;
import dev.vouch.scanner.intent.train.LabelledTools.Example;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Real servers are not all written in English. Ninety of Docker's benign servers, translated whole into
 * Chinese, Japanese, Korean, German, French, Spanish, Portuguese, Russian and Italian, each tool scanned
 * beside its server: what a registry of servers from outside the English-speaking world would see. Prints
 * the figures by language and holds floors against regressions.
 */
class TranslatedDockerCorpusTest {

    // With 2026.12.02.6 the two parts flag 5.6% (read) and 5.9% (unread) of their tools, where the unread part's
    // English originals are 3.6% flagged, and block 1.0% and 0.3% (2026.12.02.5: 9.2% / 1.3% and 7.2% / 1.6%).
    // Floors against regressions, not aims: the aim is what Docker's English tools see.
    private static final double MAX_FLAGGED = 0.08;
    private static final double MAX_BLOCKED = 0.015;

    @Test
    void benignToolsInOtherLanguagesAreMostlyPassed() throws IOException {
        Scanner scanner = Scanner.withBundledRules();
        for (String part : new String[] {"read", "unread"}) {
            Map<String, int[]> byLanguage = new TreeMap<>();
            int[] all = new int[3];
            for (Example example : LabelledTools.translatedDocker(part)) {
                Verdict verdict = scanner.scan(example.input())
                        .tools()
                        .get(example.index())
                        .verdict();
                for (int[] counts : new int[][] {all, byLanguage.computeIfAbsent(example.lang(), l -> new int[3])}) {
                    counts[0]++;
                    counts[1] += verdict == Verdict.PASS ? 0 : 1;
                    counts[2] += verdict == Verdict.BLOCK ? 1 : 0;
                }
            }
            print("docker tools translated, " + part, all);
            byLanguage.forEach((language, counts) -> print("  " + language, counts));

            assertThat(all[0]).isGreaterThan(280);
            assertThat((double) all[1] / all[0]).isLessThanOrEqualTo(MAX_FLAGGED);
            assertThat((double) all[2] / all[0]).isLessThanOrEqualTo(MAX_BLOCKED);
        }
    }

    private static void print(String label, int[] counts) {
        System.out.printf(
                "%-36s %4d tools  flagged %6.2f%%  blocked %5.2f%%%n",
                label, counts[0], 100.0 * counts[1] / counts[0], 100.0 * counts[2] / counts[0]);
    }
}
