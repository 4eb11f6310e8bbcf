package dev.vouch.registry.publish;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.provenance.Digest;
import dev.vouch.provenance.intoto.Sbom;
import dev.vouch.provenance.intoto.SlsaProvenance;
import dev.vouch.provenance.sigstore.SignerIdentity;
import dev.vouch.registry.advisories.AdvisoryMatch;
import dev.vouch.registry.evidence.BoundEvidence;
import dev.vouch.registry.evidence.EvidenceReport;
import dev.vouch.registry.evidence.Signer;
import dev.vouch.scanner.ScanReport;
import dev.vouch.scanner.drift.DriftReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rebuilds, from a stored version's report and trust summary, the parts of an {@link Assessment} that
 * a rescan does not redo: the evidence the version was published with (signatures do not change), its
 * SBOM components, the drift recorded against the version that was latest when it was published, and
 * what could not be gathered or read then. A rescan adds a fresh scan and fresh advisories, and hands
 * the result to the same {@link PolicyDecider} a publish uses.
 */
final class StoredAssessment {

    private StoredAssessment() {}

    /**
     * @param report the stored report ({@link PublishReports#report})
     * @param trust  the stored trust summary, read for the accepted provenance of reports written before
     *               each evidence entry named its builder
     * @param scan   the fresh scan, without drift; the recorded drift is attached to it
     */
    static Assessment of(
            JsonNode report,
            JsonNode trust,
            ScanReport scan,
            List<AdvisoryMatch> advisories,
            List<String> advisoryProblems) {
        List<Sbom.Component> components = new ArrayList<>();
        for (JsonNode component : report.path("components")) {
            components.add(new Sbom.Component(
                    component.path("purl").asText(""),
                    component.path("name").asText(""),
                    component.path("version").asText("")));
        }
        List<BoundEvidence> verified = new ArrayList<>();
        boolean componentsAttached = false;
        boolean trustProvenanceUsed = false;
        for (JsonNode entry : report.path("evidence")) {
            Optional<String> predicateType = text(entry, "predicateType");
            Optional<Sbom> sbom = Optional.empty();
            Optional<SlsaProvenance> provenance = Optional.empty();
            if (predicateType.filter(Sbom::isSbom).isPresent()) {
                Sbom.Format format =
                        predicateType.get().startsWith(Sbom.SPDX) ? Sbom.Format.SPDX : Sbom.Format.CYCLONEDX;
                // The report keeps the components of every SBOM together; the SBOM check counts them once.
                sbom = Optional.of(new Sbom(format, componentsAttached ? List.of() : components));
                componentsAttached = true;
            } else if (predicateType.filter(SlsaProvenance::isProvenance).isPresent()) {
                JsonNode recorded = entry.path("provenance");
                if (recorded.isMissingNode()
                        && !trustProvenanceUsed
                        && trust.path("provenance").isObject()) {
                    recorded = trust.path("provenance");
                    trustProvenanceUsed = true;
                }
                Optional<String> source = text(recorded, "sourceRepository");
                provenance = text(recorded, "builder")
                        .map(builder ->
                                new SlsaProvenance(builder, Optional.empty(), source, Optional.empty(), List.of()));
                if (provenance.isEmpty()) {
                    // A statement whose builder was never recorded cannot be judged again; it counts as absent.
                    continue;
                }
            }
            verified.add(new BoundEvidence(
                    entry.path("package").asText(""),
                    Digest.parse(entry.path("digest").asText()),
                    signer(entry),
                    entry.path("source").asText(""),
                    predicateType,
                    sbom,
                    provenance));
        }
        List<SharedToolName> shared = new ArrayList<>();
        for (JsonNode name : report.path("sharedToolNames")) {
            shared.add(new SharedToolName(
                    name.path("tool").asText(""),
                    name.path("server").asText(""),
                    name.path("tier").asText("")));
        }
        List<String> unavailable = new ArrayList<>();
        report.path("evidenceUnavailable").forEach(problem -> unavailable.add(problem.asText()));
        EvidenceReport evidence = new EvidenceReport(verified, List.of(), unavailable);
        ScanReport withDrift = new ScanReport(
                scan.rulesVersion(),
                scan.verdict(),
                scan.tools(),
                scan.serverFindings(),
                scan.toolSetDigest(),
                drift(report.path("drift"), scan.toolSetDigest()),
                scan.charsScanned());
        return new Assessment(
                withDrift, shared, evidence, components, advisories, advisoryProblems, text(report, "baselineProblem"));
    }

    private static Optional<DriftReport> drift(JsonNode drift, String currentDigest) {
        if (!drift.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new DriftReport(
                strings(drift.path("added")),
                strings(drift.path("removed")),
                strings(drift.path("changed")),
                drift.path("previousToolsDigest").asText(""),
                currentDigest));
    }

    private static Signer signer(JsonNode entry) {
        if (entry.has("key")) {
            return new Signer.Key(
                    entry.path("key").asText(), entry.path("keyFingerprint").asText(""));
        }
        return new Signer.Keyless(new SignerIdentity(
                entry.path("issuer").asText(""),
                entry.path("subject").asText(""),
                text(entry, "sourceRepository"),
                text(entry, "commit"),
                Optional.empty(),
                Optional.empty()));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asText()));
        return out;
    }

    private static Optional<String> text(JsonNode node, String field) {
        return Optional.ofNullable(node.get(field)).filter(JsonNode::isTextual).map(JsonNode::asText);
    }
}
