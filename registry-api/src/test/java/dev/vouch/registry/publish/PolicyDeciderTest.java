package dev.vouch.registry.publish;

import static dev.vouch.registry.publish.Cases.Input;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.registry.advisories.AdvisorySeverity;
import dev.vouch.registry.policy.PolicyRules.ScanReview;
import dev.vouch.registry.policy.PolicyRules.SharedToolNames;
import dev.vouch.registry.policy.PolicyRules.ToolDrift;
import dev.vouch.registry.policy.PolicyRules.Vulnerable;
import dev.vouch.registry.publish.Decision.Outcome;
import dev.vouch.scanner.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyDeciderTest {

    /** Input, the outcome, the tier, and the checks that fail (in the order they are reported). */
    static Stream<Arguments> cases() {
        List<dev.vouch.registry.evidence.BoundEvidence> attested = Cases.attested(Cases.REPOSITORY, Cases.lodash());
        return Stream.of(
                row(Input.of("clean, nothing required"), Outcome.PUBLISHED, "community"),
                row(Input.of("attested from its own repository").evidence(attested), Outcome.PUBLISHED, "verified"),
                row(
                        Input.of("attested from another repository")
                                .evidence(Cases.attested("https://github.com/evil/fork", Cases.lodash())),
                        Outcome.PUBLISHED,
                        "community",
                        "provenance"),
                row(
                        Input.of("provenance from another repository, required")
                                .evidence(Cases.attested("https://github.com/evil/fork", Cases.lodash()))
                                .rules(Cases.rules(
                                        ScanReview.WARN,
                                        ToolDrift.REVIEW,
                                        true,
                                        true,
                                        true,
                                        List.of(),
                                        Vulnerable.REJECT)),
                        Outcome.REJECTED,
                        "community",
                        "provenance"),
                row(
                        Input.of("builder not accepted")
                                .evidence(attested)
                                .rules(Cases.rules(
                                        ScanReview.WARN,
                                        ToolDrift.REVIEW,
                                        false,
                                        false,
                                        true,
                                        List.of("https://other/builder"),
                                        Vulnerable.REJECT)),
                        Outcome.REJECTED,
                        "community",
                        "provenance"),
                row(
                        Input.of("signature required, none")
                                .rules(Cases.rules(
                                        ScanReview.WARN,
                                        ToolDrift.REVIEW,
                                        true,
                                        false,
                                        false,
                                        List.of(),
                                        Vulnerable.REJECT))
                                .unavailable("img is not pinned by digest"),
                        Outcome.REJECTED,
                        "community",
                        "signature"),
                row(
                        Input.of("sbom required, signature only")
                                .evidence(List.of(Cases.signatureOnly()))
                                .rules(Cases.rules(
                                        ScanReview.WARN,
                                        ToolDrift.REVIEW,
                                        true,
                                        true,
                                        false,
                                        List.of(),
                                        Vulnerable.REJECT)),
                        Outcome.REJECTED,
                        "community",
                        "sbom"),
                row(Input.of("scan blocks").scan(Cases.scan(Verdict.BLOCK)), Outcome.REJECTED, "community", "scan"),
                row(Input.of("scan review, warn").scan(Cases.scan(Verdict.REVIEW)), Outcome.PUBLISHED, "community"),
                row(
                        Input.of("scan review, hold")
                                .scan(Cases.scan(Verdict.REVIEW))
                                .rules(Cases.rules(
                                        ScanReview.HOLD,
                                        ToolDrift.REVIEW,
                                        false,
                                        false,
                                        false,
                                        List.of(),
                                        Vulnerable.REJECT)),
                        Outcome.PENDING,
                        "community",
                        "scan"),
                row(
                        Input.of("tools unchanged").scan(Cases.withDrift(Cases.scan(Verdict.PASS), false)),
                        Outcome.PUBLISHED,
                        "community"),
                row(
                        Input.of("drift, allow")
                                .scan(Cases.withDrift(Cases.scan(Verdict.PASS), true))
                                .rules(Cases.rules(
                                        ScanReview.WARN,
                                        ToolDrift.ALLOW,
                                        false,
                                        false,
                                        false,
                                        List.of(),
                                        Vulnerable.REJECT)),
                        Outcome.PUBLISHED,
                        "community"),
                row(
                        Input.of("drift, review").scan(Cases.withDrift(Cases.scan(Verdict.PASS), true)),
                        Outcome.PENDING,
                        "community",
                        "tool-drift"),
                row(
                        Input.of("drift, block")
                                .scan(Cases.withDrift(Cases.scan(Verdict.PASS), true))
                                .rules(Cases.rules(
                                        ScanReview.WARN,
                                        ToolDrift.BLOCK,
                                        false,
                                        false,
                                        false,
                                        List.of(),
                                        Vulnerable.REJECT)),
                        Outcome.REJECTED,
                        "community",
                        "tool-drift"),
                row(
                        Input.of("drift baseline unreadable").baselineProblem("the drift baseline cannot be read"),
                        Outcome.PENDING,
                        "community",
                        "tool-drift"),
                row(
                        Input.of("advisory within the allowed")
                                .evidence(attested)
                                .advisories(Cases.advisory(AdvisorySeverity.LOW)),
                        Outcome.PUBLISHED,
                        "verified"),
                row(
                        Input.of("advisory above the allowed, reject")
                                .evidence(attested)
                                .advisories(Cases.advisory(AdvisorySeverity.CRITICAL)),
                        Outcome.REJECTED,
                        "verified",
                        "vulnerabilities"),
                row(
                        Input.of("advisory above the allowed, hold")
                                .evidence(attested)
                                .advisories(Cases.advisory(AdvisorySeverity.HIGH))
                                .rules(Cases.rules(
                                        ScanReview.WARN,
                                        ToolDrift.REVIEW,
                                        false,
                                        false,
                                        false,
                                        List.of(),
                                        Vulnerable.HOLD)),
                        Outcome.PENDING,
                        "verified",
                        "vulnerabilities"),
                row(
                        Input.of("advisory of unknown severity counts as high")
                                .evidence(attested)
                                .advisories(Cases.advisory(AdvisorySeverity.UNKNOWN)),
                        Outcome.REJECTED,
                        "verified",
                        "vulnerabilities"),
                row(
                        Input.of("a component could not be checked")
                                .evidence(attested)
                                .advisoryProblems("pkg:npm/?? does not parse"),
                        Outcome.PENDING,
                        "verified",
                        "vulnerabilities"),
                row(
                        Input.of("a hold and a rejection: the rejection wins")
                                .scan(Cases.withDrift(Cases.scan(Verdict.BLOCK), true)),
                        Outcome.REJECTED,
                        "community",
                        "scan",
                        "tool-drift"),
                row(
                        Input.of("a hold before a pass: the hold stands")
                                .scan(Cases.withDrift(Cases.scan(Verdict.PASS), true))
                                .evidence(attested),
                        Outcome.PENDING,
                        "verified",
                        "tool-drift"),
                row(
                        Input.of("a tool named like another publisher's, allowed")
                                .sharedToolNames(SEND_EMAIL),
                        Outcome.PUBLISHED,
                        "community"),
                row(
                        Input.of("a tool named like another publisher's, reviewed")
                                .sharedToolNames(SEND_EMAIL)
                                .rules(Cases.rules(SharedToolNames.REVIEW)),
                        Outcome.PENDING,
                        "community",
                        "tool-names"),
                row(
                        Input.of("a tool named like another publisher's, blocked")
                                .sharedToolNames(SEND_EMAIL)
                                .rules(Cases.rules(SharedToolNames.BLOCK)),
                        Outcome.REJECTED,
                        "community",
                        "tool-names"),
                row(
                        Input.of("no tool named like another publisher's, blocked")
                                .rules(Cases.rules(SharedToolNames.BLOCK)),
                        Outcome.PUBLISHED,
                        "community"));
    }

    private static final SharedToolName SEND_EMAIL = new SharedToolName("send_email", "com.example/mail", "verified");

    private static Arguments row(Input input, Outcome outcome, String tier, String... failing) {
        return Arguments.of(input, outcome, tier, List.of(failing));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidesTheOutcomeTierAndFailingChecks(Input input, Outcome outcome, String tier, List<String> failing) {
        Decision decision = PolicyDecider.decide(input.assessment(), input.rules(), Optional.of(Cases.REPOSITORY));

        assertThat(decision.outcome()).isEqualTo(outcome);
        assertThat(decision.tier().wireName()).isEqualTo(tier);
        assertThat(decision.checks().stream()
                        .filter(c -> !c.passed())
                        .map(CheckResult::name)
                        .toList())
                .isEqualTo(failing);
    }

    @Test
    void everyCheckIsListedPassedOrNot() {
        Decision decision = PolicyDecider.decide(Input.of("clean").assessment(), Cases.rules(), Optional.empty());

        assertThat(decision.checks())
                .extracting(CheckResult::name)
                .containsExactly(
                        "manifest", "scan", "tool-names", "signature", "sbom", "provenance", "vulnerabilities");
        assertThat(decision.checks()).allMatch(CheckResult::passed);
    }

    @Test
    void toolsNamedLikeOtherPublishersAreListedWithTheirServerAndTier() {
        SharedToolName[] shared = new SharedToolName[7];
        shared[0] = SEND_EMAIL;
        shared[1] = new SharedToolName("send_email", "io.github.crm/crm", "community");
        for (int i = 2; i < shared.length; i++) {
            shared[i] = new SharedToolName("list_tasks", "io.github.tasks" + i + "/tasks", "community");
        }

        Decision decision = PolicyDecider.decide(
                Input.of("shared").sharedToolNames(shared).assessment(), Cases.rules(), Optional.empty());

        assertThat(decision.checks())
                .filteredOn(c -> c.name().equals("tool-names"))
                .singleElement()
                .satisfies(c -> assertThat(c.passed()).isTrue())
                .satisfies(c -> assertThat(c.detail())
                        .startsWith("2 tool(s) named like tools of other publishers' servers")
                        .contains("send_email (com.example/mail, verified), send_email (io.github.crm/crm, community)")
                        .endsWith("list_tasks (io.github.tasks4/tasks, community) and 2 more"));
    }

    @Test
    void evidenceThatFailedVerificationRejects() {
        Assessment assessment = new Assessment(
                Cases.scan(Verdict.PASS),
                List.of(),
                new dev.vouch.registry.evidence.EvidenceReport(
                        List.of(), List.of("img: the signature does not verify"), List.of()),
                List.of(),
                List.of(),
                List.of(),
                Optional.empty());

        Decision decision = PolicyDecider.decide(assessment, Cases.rules(), Optional.empty());

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.checks())
                .filteredOn(c -> c.name().equals("evidence"))
                .singleElement()
                .satisfies(c -> assertThat(c.detail()).contains("does not verify"));
    }

    @Test
    void aMissingSignatureNamesWhyEvidenceWasUnavailable() {
        Decision decision = PolicyDecider.decide(
                Input.of("unpinned").unavailable("img is not pinned by digest").assessment(),
                Cases.rules(),
                Optional.empty());

        assertThat(decision.checks())
                .filteredOn(c -> c.name().equals("signature"))
                .singleElement()
                .satisfies(c -> assertThat(c.detail()).contains("not required").contains("not pinned by digest"));
    }

    @Test
    void repositoryUrlsCompareWithoutCaseTrailingSlashOrGitSuffix() {
        assertThat(PolicyDecider.normalize("git+https://GitHub.com/Acme/Weather.git"))
                .isEqualTo(PolicyDecider.normalize("https://github.com/acme/weather/"));
    }
}
