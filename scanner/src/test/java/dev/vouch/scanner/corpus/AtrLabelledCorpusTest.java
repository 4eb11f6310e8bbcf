package dev.vouch.scanner.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.scanner.ScanReport;
import dev.vouch.scanner.Scanner;
import dev.vouch.scanner.Verdict;
import dev.vouch.scanner.input.ScanInput;
import dev.vouch.scanner.input.ToolDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The Agent Threat Rules' labelled strings, each scanned as the description of a tool. Prints the
 * confusion figures of every category; holds floors on tool poisoning, the scanner's own threat.
 */
class AtrLabelledCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    // Floors to raise as the rule pack improves; they hold "flagged" = review or block. The aim for tool
    // poisoning is 0.95, held since 2026.12.06.7 (95 strings of 99): the tool answer asking to re-authenticate for
    // new permissions, which crossed the review line with each refit of a model never fitted on ATR's text, is
    // VR-BEHAV-005's; the misses left are a retry lambda and questions about terminal escape codes. Its false alarms
    // are JSON records of tool calls and environment set-up notes, scanned as if they were descriptions.
    private static final double TOOL_POISONING_MIN_RECALL = 0.95;
    private static final double TOOL_POISONING_MIN_PRECISION = 0.94;
    // The other categories are chat-level attacks more than tool poisoning; their floors guard regressions
    // (the aim, not reached, is recall 0.70 over all five with at most 3% of the negatives flagged; the
    // review threshold is set for real tools and unseen attacks, and ATR's security-themed negatives, chat
    // messages with imperatives and fixed values, sit just past it: 2026.11.30.2 flags about 4% of them,
    // and with the words as inputs about 5%; 2026.11.30.3, which reads overrides and new roles in 21
    // languages, flags about 6%, most of the new ones chat questions about jailbreaks and developer modes;
    // 2026.11.30.4, which reads guidance set aside and indirect directives, about 5%; 2026.11.30.5, which
    // may review any tool that instructs the agent, 6.2%: chat questions about jailbreaks and set-up
    // notes; 2026.11.30.6, fitted on seven more sets, 6.7%, a research abstract about jailbreaks and
    // set-up notes naming a connection string among the new ones; 2026.11.30.7, 6.1%; 2026.11.30.8, which
    // reads limits declared absent ("unrestricted", "not bound by", "no restrictions") in ten languages and
    // is fitted on a set of personas, modes and system-prompt leaks, 7.8%: recall rose from 0.53 to 0.55,
    // and the new false alarms are chat messages about characters without restrictions and developer modes).
    private static final double ALL_MIN_RECALL = 0.45;
    private static final double ALL_MAX_FALSE_POSITIVE_RATE = 0.08;

    /** True/false positives and negatives. */
    static final class Confusion {
        int tp;
        int fp;
        int tn;
        int fn;

        void add(boolean positive, boolean flagged) {
            if (positive && flagged) {
                tp++;
            } else if (positive) {
                fn++;
            } else if (flagged) {
                fp++;
            } else {
                tn++;
            }
        }

        double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        double falsePositiveRate() {
            return fp + tn == 0 ? 0 : (double) fp / (fp + tn);
        }

        @Override
        public String toString() {
            return String.format(
                    "tp=%d fp=%d tn=%d fn=%d recall=%.3f precision=%.3f fpr=%.3f",
                    tp, fp, tn, fn, recall(), precision(), falsePositiveRate());
        }
    }

    @Test
    void toolPoisoningStringsAreCaughtWithFewFalseAlarms() throws IOException {
        Scanner scanner = Scanner.withBundledRules();
        Map<String, Confusion> flagged = new TreeMap<>();
        Map<String, Confusion> blocked = new TreeMap<>();
        List<String> missed = new ArrayList<>();
        List<String> falseAlarms = new ArrayList<>();
        for (String line : Files.readAllLines(Corpora.root().resolve("atr/labelled.jsonl"))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode row = JSON.readTree(line);
            String text = row.get("text").isTextual()
                    ? row.get("text").asText()
                    : row.get("text").toString();
            String category = row.path("category").asText();
            boolean positive = "positive".equals(row.path("label").asText());
            ObjectNode tool = JSON.createObjectNode().put("name", "tool").put("description", text);
            ScanReport report = scanner.scan(ScanInput.ofTools(List.of(new ToolDefinition("", tool))));
            boolean isFlagged = report.verdict() != Verdict.PASS;
            flagged.computeIfAbsent(category, c -> new Confusion()).add(positive, isFlagged);
            flagged.computeIfAbsent("ALL", c -> new Confusion()).add(positive, isFlagged);
            blocked.computeIfAbsent(category, c -> new Confusion()).add(positive, report.verdict() == Verdict.BLOCK);
            if ("tool-poisoning".equals(category) && positive && !isFlagged) {
                missed.add(text);
            }
            if (!positive && isFlagged) {
                falseAlarms.add(text + " <- " + report.findings().get(0).ruleId());
            }
        }
        System.out.println("ATR labelled corpus, flagged = review or block:");
        flagged.forEach((category, c) -> System.out.printf("  %-22s %s%n", category, c));
        System.out.println("ATR labelled corpus, block only:");
        blocked.forEach((category, c) -> System.out.printf("  %-22s %s%n", category, c));
        missed.forEach(text -> System.out.println("  missed: " + abbreviate(text)));
        falseAlarms.forEach(text -> System.out.println("  false alarm: " + abbreviate(text)));

        Confusion toolPoisoning = flagged.get("tool-poisoning");
        assertThat(toolPoisoning.recall()).isGreaterThanOrEqualTo(TOOL_POISONING_MIN_RECALL);
        assertThat(toolPoisoning.precision()).isGreaterThanOrEqualTo(TOOL_POISONING_MIN_PRECISION);
        assertThat(flagged.get("ALL").recall()).isGreaterThanOrEqualTo(ALL_MIN_RECALL);
        assertThat(flagged.get("ALL").falsePositiveRate()).isLessThanOrEqualTo(ALL_MAX_FALSE_POSITIVE_RATE);
    }

    private static String abbreviate(String text) {
        String flat = text.replace('\n', ' ');
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
