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
            Tally all = new Tally();
            Map<String, Tally> byLanguage = new TreeMap<>();
            for (Example example : LabelledTools.translatedDocker(part)) {
                Verdict verdict = scanner.scan(example.input())
                        .tools()
                        .get(example.index())
                        .verdict();
                all.add(verdict);
                byLanguage
                        .computeIfAbsent(example.lang(), language -> new Tally())
                        .add(verdict);
            }
            all.print("docker tools translated, " + part);
            byLanguage.forEach((language, tally) -> tally.print("  " + language));

            assertThat(all.tools).isGreaterThan(280);
            assertThat(all.rate(all.flagged)).isLessThanOrEqualTo(MAX_FLAGGED);
            assertThat(all.rate(all.blocked)).isLessThanOrEqualTo(MAX_BLOCKED);
        }
    }

    /** How many tools were scanned, and how many of them were flagged (review or block) and blocked. */
    private static final class Tally {
        int tools;
        int flagged;
        int blocked;

        void add(Verdict verdict) {
            tools++;
            flagged += verdict == Verdict.PASS ? 0 : 1;
            blocked += verdict == Verdict.BLOCK ? 1 : 0;
        }

        double rate(int count) {
            return (double) count / tools;
        }

        void print(String label) {
            System.out.printf(
                    "%-36s %4d tools  flagged %6.2f%%  blocked %5.2f%%%n",
                    label, tools, 100 * rate(flagged), 100 * rate(blocked));
        }
    }
}
