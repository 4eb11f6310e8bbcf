package dev.vouch.scanner.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.scanner.Scanner;
import dev.vouch.scanner.Verdict;
import dev.vouch.scanner.intent.train.LabelledTools;
import dev.vouch.scanner.intent.train.LabelledTools.Example;
import dev.vouch.scanner.intent.train.Slice;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Real servers are not all written in English. 197 translations of Docker's benign servers, each whole into
 * one of twenty-four languages (Chinese, Japanese, Korean, German, French, Spanish, Portuguese, Russian, Italian,
 * Dutch, Polish and Turkish; and in {@code read-3}, Czech, Hungarian, Romanian, Finnish, Danish, Norwegian, Greek,
 * Bulgarian, Persian, Bengali, Swahili and Malay), each tool scanned beside its server: what a registry of servers
 * from outside the English-speaking world would see. Prints the figures by part and language and holds floors
 * against regressions.
 */
class TranslatedDockerCorpusTest {

    // With 2026.12.03.2 the parts flag 5.9% (read), 2.4% (read-2) and 5.6% (unread) of their tools, where their
    // English originals are flagged 0.9% (read-2) and 3.3% (unread), and block 0.3%, 0.2% and none (2026.12.02.5:
    // read 9.2% / 1.3% and unread 7.2% / 1.6%).
    // Floors against regressions, not aims: the aim is what Docker's English tools see.
    private static final double MAX_FLAGGED = 0.08;
    private static final double MAX_BLOCKED = 0.015;

    @Test
    void benignToolsInOtherLanguagesAreMostlyPassed() throws IOException {
        Scanner scanner = Scanner.withBundledRules();
        for (String part : new String[] {"read", "read-2", "read-3", "unread"}) {
            Slice all = Slice.EMPTY;
            Map<String, Slice> byLanguage = new TreeMap<>();
            for (Example example : LabelledTools.translatedDocker(part)) {
                Verdict verdict = scanner.scan(example.input())
                        .tools()
                        .get(example.index())
                        .verdict();
                all = all.plus(verdict);
                byLanguage.merge(example.lang(), Slice.EMPTY.plus(verdict), Slice::plus);
            }
            System.out.printf("%-34s %s%n", "docker tools translated, " + part, all);
            byLanguage.forEach((language, slice) -> System.out.printf("  %-32s %s%n", language, slice));

            assertThat(all.total()).isGreaterThan(280);
            assertThat(all.flaggedRate()).isLessThanOrEqualTo(MAX_FLAGGED);
            assertThat(all.blockedRate()).isLessThanOrEqualTo(MAX_BLOCKED);
        }
    }
}
