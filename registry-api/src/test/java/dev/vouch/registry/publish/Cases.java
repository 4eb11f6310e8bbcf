package dev.vouch.registry.publish;

import dev.vouch.provenance.Digest;
import dev.vouch.provenance.intoto.Sbom;
import dev.vouch.provenance.intoto.SlsaProvenance;
import dev.vouch.provenance.sigstore.SignerIdentity;
import dev.vouch.registry.advisories.AdvisoryMatch;
import dev.vouch.registry.advisories.AdvisorySeverity;
import dev.vouch.registry.evidence.BoundEvidence;
import dev.vouch.registry.evidence.EvidenceReport;
import dev.vouch.registry.evidence.Signer;
import dev.vouch.registry.policy.PolicyRules;
import dev.vouch.scanner.Family;
import dev.vouch.scanner.Finding;
import dev.vouch.scanner.ScanReport;
import dev.vouch.scanner.Severity;
import dev.vouch.scanner.ToolReport;
import dev.vouch.scanner.Verdict;
import dev.vouch.scanner.drift.DriftReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builders for the policy's inputs: rules, a scan, evidence and advisories, one knob at a time. */
final class Cases {

    static final String REPOSITORY = "https://github.com/acme/weather";
    static final String BUILDER = "https://github.com/actions/runner/github-hosted";
    static final Digest DIGEST = Digest.parse("sha256:" + "ab".repeat(32));
    static final Signer SIGNER = new Signer.Keyless(new SignerIdentity(
            "https://token.actions.githubusercontent.com",
            "https://github.com/acme/weather/.github/workflows/release.yml@refs/tags/v1",
            Optional.of(REPOSITORY),
            Optional.of("0123abcd"),
            Optional.empty(),
            Optional.empty()));

    private Cases() {}

    static PolicyRules rules() {
        return new PolicyRules(
                PolicyRules.ScanReview.WARN,
                PolicyRules.ToolDrift.REVIEW,
                PolicyRules.SharedToolNames.ALLOW,
                List.of(),
                List.of(),
                Optional.empty(),
                false,
                false,
                false,
                List.of(),
                AdvisorySeverity.MODERATE,
                PolicyRules.Vulnerable.REJECT);
    }

    static PolicyRules rules(
            PolicyRules.ScanReview scanReview,
            PolicyRules.ToolDrift drift,
            boolean signature,
            boolean sbom,
            boolean provenance,
            List<String> builders,
            PolicyRules.Vulnerable vulnerable) {
        return new PolicyRules(
                scanReview,
                drift,
                PolicyRules.SharedToolNames.ALLOW,
                List.of(),
                List.of(),
                Optional.empty(),
                signature,
                sbom,
                provenance,
                builders,
                AdvisorySeverity.MODERATE,
                vulnerable);
    }

    /** {@link #rules()}, with what a tool named like another publisher's does. */
    static PolicyRules rules(PolicyRules.SharedToolNames shared) {
        PolicyRules base = rules();
        return new PolicyRules(
                base.scanReview(),
                base.toolDrift(),
                shared,
                base.identities(),
                base.keys(),
                base.trustedRoot(),
                base.requireSignature(),
                base.requireSbom(),
                base.requireProvenance(),
                base.builders(),
                base.maxAdvisorySeverity(),
                base.vulnerable());
    }

    static ScanReport scan(Verdict verdict) {
        List<Finding> findings = verdict == Verdict.PASS
                ? List.of()
                : List.of(new Finding(
                        "VR-TEST",
                        Family.INSTRUCTION_OVERRIDE,
                        verdict == Verdict.BLOCK ? Severity.BLOCK : Severity.REVIEW,
                        "/tools/0/description",
                        "text"));
        return new ScanReport(
                "test-1",
                verdict,
                List.of(new ToolReport("t", "/tools/0", "sha256:t", verdict, findings)),
                List.of(),
                "sha256:tools",
                Optional.empty(),
                10);
    }

    static ScanReport withDrift(ScanReport scan, boolean drifted) {
        DriftReport drift = new DriftReport(
                List.of(), List.of(), drifted ? List.of("t") : List.of(), "sha256:before", scan.toolSetDigest());
        return new ScanReport(
                scan.rulesVersion(),
                scan.verdict(),
                scan.tools(),
                scan.serverFindings(),
                scan.toolSetDigest(),
                Optional.of(drift),
                scan.charsScanned());
    }

    /** The evidence of a fully attested release: a signature, an SBOM and provenance from {@code source}. */
    static List<BoundEvidence> attested(String source, List<Sbom.Component> components) {
        return List.of(
                new BoundEvidence(
                        "img", DIGEST, SIGNER, "oci-referrers", Optional.empty(), Optional.empty(), Optional.empty()),
                new BoundEvidence(
                        "img",
                        DIGEST,
                        SIGNER,
                        "oci-referrers",
                        Optional.of(Sbom.SPDX + "/v2.3"),
                        Optional.of(new Sbom(Sbom.Format.SPDX, components)),
                        Optional.empty()),
                new BoundEvidence(
                        "img",
                        DIGEST,
                        SIGNER,
                        "oci-referrers",
                        Optional.of(SlsaProvenance.V1),
                        Optional.empty(),
                        Optional.of(new SlsaProvenance(
                                BUILDER,
                                Optional.empty(),
                                Optional.of("git+" + source + ".git"),
                                Optional.empty(),
                                List.of()))));
    }

    static BoundEvidence signatureOnly() {
        return new BoundEvidence(
                "img",
                DIGEST,
                new Signer.Key("release", "sha256:" + "cd".repeat(32)),
                "envelope",
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    static List<Sbom.Component> lodash() {
        return List.of(new Sbom.Component("pkg:npm/lodash@4.17.21", "lodash", "4.17.21"));
    }

    static AdvisoryMatch advisory(AdvisorySeverity severity) {
        return new AdvisoryMatch("GHSA-test", severity, Optional.of("a test advisory"), "pkg:npm/lodash@4.17.21");
    }

    /** One policy input: everything {@link PolicyDecider#decide} reads. */
    record Input(
            String name,
            PolicyRules rules,
            ScanReport scan,
            List<BoundEvidence> evidence,
            List<String> unavailable,
            List<AdvisoryMatch> advisories,
            List<String> advisoryProblems,
            Optional<String> baselineProblem,
            List<SharedToolName> sharedToolNames) {

        static Input of(String name) {
            return new Input(
                    name,
                    Cases.rules(),
                    Cases.scan(Verdict.PASS),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    Optional.empty(),
                    List.of());
        }

        Input rules(PolicyRules value) {
            return new Input(
                    name,
                    value,
                    scan,
                    evidence,
                    unavailable,
                    advisories,
                    advisoryProblems,
                    baselineProblem,
                    sharedToolNames);
        }

        Input scan(ScanReport value) {
            return new Input(
                    name,
                    rules,
                    value,
                    evidence,
                    unavailable,
                    advisories,
                    advisoryProblems,
                    baselineProblem,
                    sharedToolNames);
        }

        Input evidence(List<BoundEvidence> value) {
            return new Input(
                    name,
                    rules,
                    scan,
                    value,
                    unavailable,
                    advisories,
                    advisoryProblems,
                    baselineProblem,
                    sharedToolNames);
        }

        Input unavailable(String... value) {
            return new Input(
                    name,
                    rules,
                    scan,
                    evidence,
                    List.of(value),
                    advisories,
                    advisoryProblems,
                    baselineProblem,
                    sharedToolNames);
        }

        Input advisories(AdvisoryMatch... value) {
            return new Input(
                    name,
                    rules,
                    scan,
                    evidence,
                    unavailable,
                    List.of(value),
                    advisoryProblems,
                    baselineProblem,
                    sharedToolNames);
        }

        Input advisoryProblems(String... value) {
            return new Input(
                    name,
                    rules,
                    scan,
                    evidence,
                    unavailable,
                    advisories,
                    List.of(value),
                    baselineProblem,
                    sharedToolNames);
        }

        Input baselineProblem(String value) {
            return new Input(
                    name,
                    rules,
                    scan,
                    evidence,
                    unavailable,
                    advisories,
                    advisoryProblems,
                    Optional.of(value),
                    sharedToolNames);
        }

        Input sharedToolNames(SharedToolName... value) {
            return new Input(
                    name,
                    rules,
                    scan,
                    evidence,
                    unavailable,
                    advisories,
                    advisoryProblems,
                    baselineProblem,
                    List.of(value));
        }

        Assessment assessment() {
            List<Sbom.Component> components = new ArrayList<>();
            evidence.forEach(e -> e.sbom().ifPresent(s -> components.addAll(s.components())));
            return new Assessment(
                    scan,
                    sharedToolNames,
                    new EvidenceReport(evidence, List.of(), unavailable),
                    components,
                    advisories,
                    advisoryProblems,
                    baselineProblem);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
