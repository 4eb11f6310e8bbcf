package dev.vouch.registry.publish;

import dev.vouch.provenance.intoto.SlsaProvenance;
import dev.vouch.registry.advisories.AdvisorySeverity;
import dev.vouch.registry.domain.Tier;
import dev.vouch.registry.evidence.BoundEvidence;
import dev.vouch.registry.policy.PolicyRules;
import dev.vouch.scanner.Finding;
import dev.vouch.scanner.ScanReport;
import dev.vouch.scanner.Severity;
import dev.vouch.scanner.Verdict;
import dev.vouch.scanner.drift.DriftReport;
import dev.vouch.scanner.match.CaseFolding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns the assessment of a publish into a decision under the namespace's rules. Every check is
 * listed, passed or not, so the publisher sees the whole answer at once. A version is
 * {@code verified}-tier when a signature, an SBOM and SLSA provenance from the manifest's own
 * repository are all bound to its artifact; otherwise {@code community}.
 */
final class PolicyDecider {

    private PolicyDecider() {}

    /** Collects checks and the strongest outcome they call for. */
    private static final class Verdicts {
        final List<CheckResult> checks = new ArrayList<>();
        Decision.Outcome outcome = Decision.Outcome.PUBLISHED;

        void pass(String name, String detail) {
            checks.add(new CheckResult(name, true, detail));
        }

        void fail(String name, String detail, Decision.Outcome consequence) {
            checks.add(new CheckResult(name, false, detail));
            outcome = Decision.Outcome.mostSevere(outcome, consequence);
        }
    }

    static Decision decide(Assessment assessment, PolicyRules rules, Optional<String> repositoryUrl) {
        Verdicts v = new Verdicts();
        v.pass("manifest", "valid against the official schema and rules");
        scan(assessment.scan(), rules, v);
        drift(assessment, rules, v);
        sharedToolNames(assessment.sharedToolNames(), rules, v);
        boolean signed = signature(assessment, rules, v);
        boolean sbom = sbom(assessment, rules, v);
        Optional<BoundEvidence> provenance = provenance(assessment, rules, repositoryUrl, v);
        vulnerabilities(assessment, rules, v);
        for (String problem : assessment.evidence().invalid()) {
            v.fail("evidence", problem, Decision.Outcome.REJECTED);
        }
        Tier tier = signed && sbom && provenance.isPresent() ? Tier.VERIFIED : Tier.COMMUNITY;
        return new Decision(v.outcome, tier, v.checks, provenance);
    }

    private static void scan(ScanReport scan, PolicyRules rules, Verdicts v) {
        long blocking = scan.findings().stream()
                .filter(f -> f.severity() == Severity.BLOCK)
                .count();
        long reviewing = scan.findings().size() - blocking;
        if (scan.verdict() == Verdict.BLOCK) {
            v.fail("scan", blocking + " blocking finding(s): " + summary(scan.findings()), Decision.Outcome.REJECTED);
        } else if (scan.verdict() == Verdict.REVIEW) {
            if (rules.scanReview() == PolicyRules.ScanReview.HOLD) {
                v.fail(
                        "scan",
                        reviewing + " finding(s) for review: " + summary(scan.findings()) + "; held for a curator",
                        Decision.Outcome.PENDING);
            } else {
                v.pass(
                        "scan",
                        reviewing + " finding(s) for review: " + summary(scan.findings())
                                + "; published with a warning");
            }
        } else {
            v.pass("scan", "no findings (rules " + scan.rulesVersion() + ")");
        }
    }

    private static void drift(Assessment assessment, PolicyRules rules, Verdicts v) {
        if (assessment.baselineProblem().isPresent()) {
            v.fail(
                    "tool-drift",
                    assessment.baselineProblem().get() + "; drift not checked, held for a curator",
                    Decision.Outcome.PENDING);
            return;
        }
        ScanReport scan = assessment.scan();
        Optional<DriftReport> drift = scan.drift().filter(DriftReport::drifted);
        if (drift.isEmpty()) {
            if (scan.drift().isPresent()) {
                v.pass("tool-drift", "tools unchanged since the latest published version");
            }
            return;
        }
        DriftReport d = drift.get();
        String detail = "tools added " + d.added() + ", removed " + d.removed() + ", changed " + d.changed();
        switch (rules.toolDrift()) {
            case ALLOW -> v.pass("tool-drift", detail);
            case REVIEW -> v.fail("tool-drift", detail + "; held for a curator", Decision.Outcome.PENDING);
            default -> v.fail("tool-drift", detail + "; policy forbids changing tools", Decision.Outcome.REJECTED);
        }
    }

    private static void sharedToolNames(List<SharedToolName> shared, PolicyRules rules, Verdicts v) {
        if (shared.isEmpty()) {
            v.pass("tool-names", "no tool is named like a tool of another publisher's server");
            return;
        }
        String detail = shared.stream().map(SharedToolName::tool).distinct().count()
                + " tool(s) named like tools of other publishers' servers, which an agent with both connected may"
                + " call instead: "
                + shared.stream()
                        .limit(5)
                        .map(s -> s.tool() + " (" + s.server() + ", " + s.tier() + ")")
                        .collect(Collectors.joining(", "))
                + (shared.size() > 5 ? " and " + (shared.size() - 5) + " more" : "");
        switch (rules.sharedToolNames()) {
            case ALLOW -> v.pass("tool-names", detail);
            case REVIEW -> v.fail("tool-names", detail + "; held for a curator", Decision.Outcome.PENDING);
            default -> v.fail("tool-names", detail + "; policy forbids sharing them", Decision.Outcome.REJECTED);
        }
    }

    private static boolean signature(Assessment assessment, PolicyRules rules, Verdicts v) {
        Optional<BoundEvidence> signature = assessment.signature();
        if (signature.isPresent()) {
            v.pass(
                    "signature",
                    "signed by " + signature.get().signer().describe() + " over "
                            + signature.get().digest());
            return true;
        }
        missing("signature", rules.requireSignature(), assessment, v);
        return false;
    }

    private static boolean sbom(Assessment assessment, PolicyRules rules, Verdicts v) {
        Optional<BoundEvidence> sbom = assessment.sbom();
        if (sbom.isPresent()) {
            v.pass(
                    "sbom",
                    sbom.get().sbom().orElseThrow().format().name().toLowerCase(Locale.ROOT) + " SBOM with "
                            + assessment.components().size() + " component(s)");
            return true;
        }
        missing("sbom", rules.requireSbom(), assessment, v);
        return false;
    }

    /** The provenance statement the rules accept, if any; one accepted statement is enough. */
    private static Optional<BoundEvidence> provenance(
            Assessment assessment, PolicyRules rules, Optional<String> repositoryUrl, Verdicts v) {
        List<BoundEvidence> statements = assessment.provenance();
        if (statements.isEmpty()) {
            missing("provenance", rules.requireProvenance(), assessment, v);
            return Optional.empty();
        }
        List<String> refused = new ArrayList<>();
        for (BoundEvidence evidence : statements) {
            SlsaProvenance slsa = evidence.provenance().orElseThrow();
            boolean sameRepository = repositoryUrl.isPresent()
                    && slsa.sourceRepository()
                            .map(source -> normalize(source).equals(normalize(repositoryUrl.get())))
                            .orElse(false);
            boolean builderAccepted =
                    rules.builders().isEmpty() || rules.builders().contains(slsa.builderId());
            if (sameRepository && builderAccepted) {
                v.pass(
                        "provenance",
                        "built by " + slsa.builderId() + " from "
                                + slsa.sourceRepository().orElseThrow());
                return Optional.of(evidence);
            }
            refused.add(
                    !sameRepository
                            ? "built from " + slsa.sourceRepository().orElse("an unnamed repository")
                                    + ", not the manifest's " + repositoryUrl.orElse("(none)")
                            : "builder " + slsa.builderId() + " is not accepted");
        }
        v.fail(
                "provenance",
                String.join("; ", refused),
                rules.requireProvenance() ? Decision.Outcome.REJECTED : Decision.Outcome.PUBLISHED);
        return Optional.empty();
    }

    private static void vulnerabilities(Assessment assessment, PolicyRules rules, Verdicts v) {
        if (!assessment.advisoryProblems().isEmpty()) {
            v.fail(
                    "vulnerabilities",
                    "not every component could be checked: "
                            + String.join(
                                    "; ",
                                    assessment.advisoryProblems().stream()
                                            .limit(5)
                                            .toList())
                            + "; held for a curator",
                    Decision.Outcome.PENDING);
        }
        Optional<AdvisorySeverity> worst = assessment.maxSeverity();
        if (worst.isEmpty()) {
            v.pass(
                    "vulnerabilities",
                    assessment.components().isEmpty()
                            ? "no SBOM components to check"
                            : "no advisories affect the "
                                    + assessment.components().size() + " component(s)");
            return;
        }
        String detail = assessment.advisories().size() + " advisory match(es), worst "
                + worst.get().name().toLowerCase(Locale.ROOT) + ": "
                + assessment.advisories().stream()
                        .limit(5)
                        .map(m -> m.advisoryId() + " (" + m.purl() + ")")
                        .toList();
        if (!rules.allows(worst.get())) {
            v.fail(
                    "vulnerabilities",
                    detail + "; above the allowed "
                            + rules.maxAdvisorySeverity().name().toLowerCase(Locale.ROOT),
                    rules.vulnerable() == PolicyRules.Vulnerable.HOLD
                            ? Decision.Outcome.PENDING
                            : Decision.Outcome.REJECTED);
        } else {
            v.pass(
                    "vulnerabilities",
                    detail + "; within the allowed "
                            + rules.maxAdvisorySeverity().name().toLowerCase(Locale.ROOT));
        }
    }

    private static void missing(String check, boolean required, Assessment assessment, Verdicts v) {
        String why = assessment.evidence().unavailable().isEmpty()
                ? ""
                : " (" + String.join("; ", assessment.evidence().unavailable()) + ")";
        if (required) {
            v.fail(check, "required by policy, none bound to the artifact" + why, Decision.Outcome.REJECTED);
        } else {
            v.pass(check, "none bound to the artifact; not required" + why);
        }
    }

    /** Repository URLs compare without scheme case, a trailing slash or a .git suffix. */
    static String normalize(String url) {
        String plain = CaseFolding.lower(url.trim());
        plain = plain.startsWith("git+") ? plain.substring(4) : plain;
        plain = plain.endsWith("/") ? plain.substring(0, plain.length() - 1) : plain;
        return plain.endsWith(".git") ? plain.substring(0, plain.length() - 4) : plain;
    }

    private static String summary(List<Finding> findings) {
        StringBuilder out = new StringBuilder();
        findings.stream()
                .limit(5)
                .forEach(f -> out.append(out.length() == 0 ? "" : "; ")
                        .append(f.ruleId())
                        .append(" at ")
                        .append(f.pointer().isEmpty() ? "/" : f.pointer()));
        if (findings.size() > 5) {
            out.append("; and ").append(findings.size() - 5).append(" more");
        }
        return out.toString();
    }
}
