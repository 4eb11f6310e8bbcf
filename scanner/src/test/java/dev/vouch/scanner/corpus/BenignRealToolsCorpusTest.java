package dev.vouch.scanner.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.scanner.Finding;
import dev.vouch.scanner.ScanReport;
import dev.vouch.scanner.Scanner;
import dev.vouch.scanner.ToolReport;
import dev.vouch.scanner.Verdict;
import dev.vouch.scanner.input.ScanInput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Docker's curated catalog is benign by curation: every tool the scanner blocks or sends to review here
 * is a false positive until a person says otherwise. Prints the figures; holds the floors of issue 4.
 */
class BenignDockerCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double MAX_BLOCKED = 0.005;
    private static final double MAX_REVIEW = 0.05;

    @Test
    void fewBenignToolsAreBlockedOrSentToReview() throws IOException {
        Scanner scanner = Scanner.withBundledRules();
        List<Path> files = Corpora.dockerToolsFiles();
        int tools = 0;
        int blocked = 0;
        int review = 0;
        List<String> unreadable = new ArrayList<>();
        Map<String, Integer> byRule = new TreeMap<>();
        List<String> samples = new ArrayList<>();
        for (Path file : files) {
            JsonNode document;
            try {
                document = JSON.readTree(file.toFile());
            } catch (IOException e) {
                unreadable.add(file.getParent().getFileName().toString());
                continue;
            }
            ScanReport report = scanner.scan(ScanInput.fromJson(document));
            for (ToolReport tool : report.tools()) {
                tools++;
                if (tool.verdict() == Verdict.BLOCK) {
                    blocked++;
                } else if (tool.verdict() == Verdict.REVIEW) {
                    review++;
                }
                for (Finding finding : tool.findings()) {
                    byRule.merge(finding.ruleId() + " (" + finding.severity().wireName() + ")", 1, Integer::sum);
                    if (samples.size() < 40) {
                        samples.add(file.getParent().getFileName() + "/" + tool.name() + " " + finding.ruleId() + ": "
                                + finding.evidence());
                    }
                }
            }
        }
        double blockedRate = (double) blocked / tools;
        double reviewRate = (double) review / tools;
        System.out.printf(
                "benign docker corpus: %d files (%d unreadable: %s), %d tools, blocked %d (%.2f%%), "
                        + "review %d (%.2f%%)%n",
                files.size(),
                unreadable.size(),
                unreadable,
                tools,
                blocked,
                100 * blockedRate,
                review,
                100 * reviewRate);
        byRule.forEach((rule, count) -> System.out.printf("  %-40s %d%n", rule, count));
        samples.forEach(sample -> System.out.println("  sample: " + sample));

        assertThat(tools).isGreaterThan(4900);
        assertThat(blockedRate).isLessThanOrEqualTo(MAX_BLOCKED);
        assertThat(reviewRate).isLessThanOrEqualTo(MAX_REVIEW);
    }
}
