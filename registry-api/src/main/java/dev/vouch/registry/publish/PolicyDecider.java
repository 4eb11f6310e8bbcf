package dev.vouch.registry.publish;

import dev.vouch.registry.policy.PolicyRules;
import dev.vouch.scanner.Finding;
import dev.vouch.scanner.ScanReport;
import dev.vouch.scanner.Verdict;
import dev.vouch.scanner.drift.DriftReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the evidence of a publish into a decision under the namespace's rules. Every check is listed,
 * passed or not, so the publisher sees the whole answer at once.
 */
final class PolicyDecider {

    /** Without verified signature, SBOM and provenance, a version is at most community-tier. */
    static final String COMMUNITY = "community";

    private PolicyDecider() {
    }

    static Decision decide(ScanReport scan, PolicyRules rules) {
        List<CheckResult> checks = new ArrayList<>();
        checks.add(new CheckResult("manifest", true, "valid against the official schema and rules"));
        Decision.Outcome outcome = Decision.Outcome.PUBLISHED;

        long blocking = scan.findings().stream().filter(f -> f.severity() == dev.vouch.scanner.Severity.BLOCK).count();
        long reviewing = scan.findings().size() - blocking;
        if (scan.verdict() == Verdict.BLOCK) {
            checks.add(new CheckResult("scan", false, blocking + " blocking finding(s): " + summary(scan.findings())));
            outcome = Decision.Outcome.REJECTED;
        } else if (scan.verdict() == Verdict.REVIEW) {
            boolean hold = rules.scanReview() == PolicyRules.ScanReview.HOLD;
            checks.add(new CheckResult("scan", !hold, reviewing + " finding(s) for review: " + summary(scan.findings())
                    + (hold ? "; held for a curator" : "; published with a warning")));
            if (hold) {
                outcome = Decision.Outcome.PENDING;
            }
        } else {
            checks.add(new CheckResult("scan", true, "no findings (rules " + scan.rulesVersion() + ")"));
        }

        Optional<DriftReport> drift = scan.drift().filter(DriftReport::drifted);
        if (drift.isPresent()) {
            DriftReport d = drift.get();
            String detail = "tools added " + d.added() + ", removed " + d.removed() + ", changed " + d.changed();
            switch (rules.toolDrift()) {
                case ALLOW -> checks.add(new CheckResult("tool-drift", true, detail));
                case REVIEW -> {
                    checks.add(new CheckResult("tool-drift", false, detail + "; held for a curator"));
                    if (outcome == Decision.Outcome.PUBLISHED) {
                        outcome = Decision.Outcome.PENDING;
                    }
                }
                default -> {
                    checks.add(new CheckResult("tool-drift", false, detail + "; policy forbids changing tools"));
                    outcome = Decision.Outcome.REJECTED;
                }
            }
        } else if (scan.drift().isPresent()) {
            checks.add(new CheckResult("tool-drift", true, "tools unchanged since the latest published version"));
        }
        return new Decision(outcome, COMMUNITY, checks);
    }

    private static String summary(List<Finding> findings) {
        StringBuilder out = new StringBuilder();
        findings.stream().limit(5).forEach(f -> out.append(out.length() == 0 ? "" : "; ")
                .append(f.ruleId()).append(" at ").append(f.pointer().isEmpty() ? "/" : f.pointer()));
        if (findings.size() > 5) {
            out.append("; and ").append(findings.size() - 5).append(" more");
        }
        return out.toString();
    }
}
