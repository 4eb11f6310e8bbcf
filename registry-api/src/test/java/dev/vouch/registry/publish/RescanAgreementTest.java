package dev.vouch.registry.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.registry.domain.Tier;
import dev.vouch.registry.policy.PolicyRules;
import dev.vouch.registry.publish.Cases.Input;
import dev.vouch.registry.publish.Decision.Outcome;
import dev.vouch.scanner.ScanReport;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A rescan decides from what a publish stored (its report and trust summary) plus a fresh scan and
 * fresh advisories. For the same inputs it must reach the publish's decision: same outcome, tier and
 * checks, for every row of {@link PolicyDeciderTest}'s table.
 */
class RescanAgreementTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.vouch.registry.publish.PolicyDeciderTest#cases")
    void rescanDecidesWhatPublishDecided(Input input, Outcome outcome, String tier, List<String> failing)
            throws IOException {
        Assessment published = input.assessment();
        Decision atPublish = PolicyDecider.decide(published, input.rules(), Optional.of(Cases.REPOSITORY));
        // What the store keeps, read back as a rescan reads it.
        JsonNode report =
                JSON.readTree(PublishReports.report(atPublish, published).toString());
        JsonNode trust =
                JSON.readTree(PublishReports.trust(atPublish, published).toString());
        ScanReport fresh = input.scan();
        ScanReport withoutDrift = new ScanReport(
                fresh.rulesVersion(),
                fresh.verdict(),
                fresh.tools(),
                fresh.serverFindings(),
                fresh.toolSetDigest(),
                Optional.empty(),
                fresh.charsScanned());

        Assessment reassessed =
                StoredAssessment.of(report, trust, withoutDrift, published.advisories(), published.advisoryProblems());
        Decision atRescan = PolicyDecider.decide(reassessed, input.rules(), Optional.of(Cases.REPOSITORY));

        assertThat(atRescan.outcome()).isEqualTo(atPublish.outcome()).isEqualTo(outcome);
        assertThat(atRescan.tier()).isEqualTo(atPublish.tier());
        assertThat(atRescan.tier().wireName()).isEqualTo(tier);
        assertThat(atRescan.checks()).isEqualTo(atPublish.checks());
    }

    @Test
    void aReportWrittenBeforeStatementsNamedTheirBuilderFallsBackToTheTrustSummary() throws IOException {
        Input input = Input.of("attested, older report")
                .evidence(Cases.attested(Cases.REPOSITORY, Cases.lodash()))
                .rules(Cases.rules(
                        PolicyRules.ScanReview.WARN,
                        PolicyRules.ToolDrift.REVIEW,
                        true,
                        true,
                        true,
                        List.of(),
                        PolicyRules.Vulnerable.REJECT));
        Assessment published = input.assessment();
        Decision atPublish = PolicyDecider.decide(published, input.rules(), Optional.of(Cases.REPOSITORY));
        ObjectNode report = (ObjectNode)
                JSON.readTree(PublishReports.report(atPublish, published).toString());
        report.path("evidence").forEach(entry -> ((ObjectNode) entry).remove("provenance"));
        JsonNode trust =
                JSON.readTree(PublishReports.trust(atPublish, published).toString());

        Decision atRescan = PolicyDecider.decide(
                StoredAssessment.of(report, trust, input.scan(), List.of(), List.of()),
                input.rules(),
                Optional.of(Cases.REPOSITORY));

        assertThat(atPublish.outcome()).isEqualTo(Outcome.PUBLISHED);
        assertThat(atRescan.outcome()).isEqualTo(Outcome.PUBLISHED);
        assertThat(atRescan.tier()).isEqualTo(Tier.VERIFIED);
    }
}
