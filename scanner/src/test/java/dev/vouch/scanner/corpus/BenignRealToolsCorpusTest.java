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
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Real servers' tools are benign until a person says otherwise: every tool the scanner blocks or sends to
 * review here is a false positive. Docker's curated catalog (arguments only) and the live {@code tools/list}
 * answers of MCP servers on npm in three harvests (output schemas, annotations, notes to the model). Prints the
 * figures; holds the floors of issue 15.
 */
class BenignRealToolsCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double MAX_BLOCKED = 0.005;
    private static final double MAX_REVIEW = 0.05;

    private static final Scanner SCANNER = Scanner.withBundledRules();

    @Test
    void fewOfDockersToolsAreBlockedOrSentToReview() throws IOException {
        Figures docker = scan("benign docker corpus", Corpora.dockerToolsFiles(), server -> true, Samples.SHOWN);

        assertThat(docker.tools).isGreaterThan(4900);
        assertMeetsTheAims(docker);
    }

    @Test
    void fewOfThePopularNpmServersToolsAreBlockedOrSentToReview() throws IOException {
        // The half of npm's servers the model was never fitted on is held to the aims too (rule pack
        // 2026.12.06.4: 0.00% blocked, 2.67% review; 2026.12.06.3 0.00% / 2.58%; 2026.12.06.2 0.00% / 3.29%;
        // 2026.12.05.9 0.00% / 4.09%; 2026.12.05.8 0.09% / 4.00%; 2026.12.05.7 0.09% / 4.09%; 2026.12.05.6 0.00% /
        // 3.64%; 2026.12.05.5 0.09% / 4.36%; 2026.12.05.3 0.27% / 3.47%; 0.62% blocked with 2026.12.04.9, before it
        // was reached).
        assertBothHalvesMeetTheAims("benign npm corpus", Corpora.npmToolsFiles(), 2400, Samples.SHOWN);
    }

    @Test
    void fewOfTheToolsOfASecondHarvestOfNpmServersAreBlockedOrSentToReview() throws IOException {
        // Rule pack 2026.12.06.2, the first fitted on half of these servers: the unseen half 0.49% blocked, 2.98%
        // review; 2026.12.06.3 0.43% / 2.25%; 2026.12.06.4 0.43% / 2.55%. Before 2026.12.06.2 no fit had read the
        // set: 2026.12.06.1 blocked 1.04% of all its tools, 2026.12.05.9 1.73%.
        assertBothHalvesMeetTheAims(
                "benign npm corpus, second harvest", Corpora.npmSecondHarvestToolsFiles(), 3100, Samples.SHOWN);
    }

    @Test
    void fewOfTheToolsOfAThirdHarvestOfNpmServersAreBlockedOrSentToReview() throws IOException {
        // Only these figures are looked at, so no sample of what is flagged is printed: of these servers' verdicts one
        // server's repeated sentence was read, once, for rule pack 2026.12.06.3's "pin". That rule pack is the first
        // fitted on half of them, its unseen half 0.29% blocked, 1.70% review (2026.12.06.4 0.19% / 1.80%); before it
        // no fit had read the set (2026.12.06.2: all 0.30% / 4.26%, the unseen half 0.29% / 6.67%, 107 of whose tools
        // in review were one server's).
        assertBothHalvesMeetTheAims(
                "benign npm corpus, third harvest", Corpora.npmThirdHarvestToolsFiles(), 4300, Samples.WITHHELD);
    }

    /**
     * A harvest whose servers are split in halves, one fitted on ({@link Corpora#isFittedServer}): all its tools, and
     * the half the model never read alone, meet the aims.
     */
    private static void assertBothHalvesMeetTheAims(String label, List<Path> files, int moreToolsThan, Samples sampling)
            throws IOException {
        Figures all = scan(label, files, server -> true, sampling);
        Figures unseen = scan(label + ", unseen half", files, server -> !Corpora.isFittedServer(server), sampling);

        assertThat(all.tools).isGreaterThan(moreToolsThan);
        assertThat(all.unreadable).isEmpty();
        assertMeetsTheAims(all);
        assertMeetsTheAims(unseen);
    }

    private static void assertMeetsTheAims(Figures figures) {
        assertThat(figures.blockedRate()).isLessThanOrEqualTo(MAX_BLOCKED);
        assertThat(figures.reviewRate()).isLessThanOrEqualTo(MAX_REVIEW);
    }

    private record Figures(int tools, int blocked, int review, List<String> unreadable) {
        double blockedRate() {
            return (double) blocked / tools;
        }

        double reviewRate() {
            return (double) review / tools;
        }
    }

    /** Whether a set's flagged tools may be printed: a set kept unread prints only its counts. */
    private enum Samples {
        SHOWN,
        WITHHELD
    }

    /** The figures of {@code files}, with samples of what was flagged where {@code sampling} allows it. */
    private static Figures scan(String label, List<Path> files, Predicate<String> servers, Samples sampling)
            throws IOException {
        boolean samplesShown = sampling == Samples.SHOWN;
        int tools = 0;
        int blocked = 0;
        int review = 0;
        int read = 0;
        List<String> unreadable = new ArrayList<>();
        Map<String, Integer> byRule = new TreeMap<>();
        List<String> samples = new ArrayList<>();
        String busiestServer = "";
        int busiestFlagged = 0;
        int busiestTools = 0;
        for (Path file : files) {
            String server = file.getParent().getFileName().toString();
            if (!servers.test(server)) {
                continue;
            }
            read++;
            JsonNode document;
            try {
                document = JSON.readTree(file.toFile());
            } catch (IOException e) {
                unreadable.add(server);
                continue;
            }
            ScanReport report = SCANNER.scan(ScanInput.fromJson(document));
            int flaggedHere = 0;
            for (ToolReport tool : report.tools()) {
                tools++;
                if (tool.verdict() == Verdict.BLOCK) {
                    blocked++;
                } else if (tool.verdict() == Verdict.REVIEW) {
                    review++;
                }
                flaggedHere += tool.verdict() == Verdict.PASS ? 0 : 1;
                for (Finding finding : tool.findings()) {
                    byRule.merge(finding.ruleId() + " (" + finding.severity().wireName() + ")", 1, Integer::sum);
                    if (samplesShown && samples.size() < 40) {
                        samples.add(server + "/" + tool.name() + " " + finding.ruleId() + ": " + finding.evidence());
                    }
                }
            }
            if (flaggedHere > busiestFlagged) {
                busiestServer = server;
                busiestFlagged = flaggedHere;
                busiestTools = report.tools().size();
            }
        }
        Figures figures = new Figures(tools, blocked, review, unreadable);
        System.out.printf(
                "%s: %d files (%d unreadable: %s), %d tools, blocked %d (%.2f%%), review %d (%.2f%%)%n",
                label,
                read,
                unreadable.size(),
                unreadable,
                tools,
                blocked,
                100 * figures.blockedRate(),
                review,
                100 * figures.reviewRate());
        byRule.forEach((rule, count) -> System.out.printf("  %-40s %d%n", rule, count));
        // One server's house style can fill the review queue alone (rule pack 2026.12.06.2 sent 107 of one server's
        // 264 tools to review for one repeated sentence): the count says when to look, the name where.
        System.out.printf(
                "  most flagged on one server: %d of its %d tools, %.0f%% of the %d flagged here%s%n",
                busiestFlagged,
                busiestTools,
                100.0 * busiestFlagged / Math.max(1, blocked + review),
                blocked + review,
                samplesShown && busiestFlagged > 0 ? " (" + busiestServer + ")" : "");
        samples.forEach(sample -> System.out.println("  sample: " + sample));
        return figures;
    }
}
