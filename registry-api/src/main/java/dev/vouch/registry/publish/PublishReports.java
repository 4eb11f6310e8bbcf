package dev.vouch.registry.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.provenance.intoto.Sbom;
import dev.vouch.provenance.sigstore.SignerIdentity;
import dev.vouch.registry.advisories.AdvisoryMatch;
import dev.vouch.registry.domain.JsonMappers;
import dev.vouch.registry.evidence.BoundEvidence;
import dev.vouch.registry.evidence.Signer;
import dev.vouch.scanner.ScanReport;
import dev.vouch.scanner.ScanReportJson;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The two JSON documents a decision leaves with a version: the full report (every check, finding, tool
 * named like another publisher's, piece of evidence, component and advisory) and the trust summary every
 * read carries under {@code _meta["io.vouch.registry/trust"]}.
 */
public final class PublishReports {

    private static final ObjectMapper JSON = JsonMappers.JSON;

    private PublishReports() {}

    public static ObjectNode report(Decision decision, Assessment assessment) {
        ObjectNode report = JSON.createObjectNode()
                .put("decision", decision.outcome().name().toLowerCase(Locale.ROOT))
                .put("tier", decision.tier().wireName());
        report.set("checks", checks(decision));
        report.set("scan", scan(assessment.scan()));
        assessment.scan().drift().ifPresent(drift -> {
            ObjectNode node = report.putObject("drift");
            node.putPOJO("added", drift.added());
            node.putPOJO("removed", drift.removed());
            node.putPOJO("changed", drift.changed());
            node.put("previousToolsDigest", drift.previousToolSetDigest());
        });
        ArrayNode shared = report.putArray("sharedToolNames");
        assessment
                .sharedToolNames()
                .forEach(name -> shared.addObject()
                        .put("tool", name.tool())
                        .put("server", name.server())
                        .put("tier", name.tier()));
        ArrayNode evidence = report.putArray("evidence");
        for (BoundEvidence item : assessment.evidence().verified()) {
            ObjectNode node = evidence.addObject()
                    .put("package", item.packageIdentifier())
                    .put("digest", item.digest().toString())
                    .put("source", item.source());
            signer(node, item.signer());
            item.predicateType().ifPresent(type -> node.put("predicateType", type));
            // Kept so a rescan can judge the statement again under a changed policy without refetching it.
            item.provenance().ifPresent(slsa -> {
                ObjectNode statement = node.putObject("provenance").put("builder", slsa.builderId());
                slsa.sourceRepository().ifPresent(repo -> statement.put("sourceRepository", repo));
            });
        }
        if (!assessment.evidence().unavailable().isEmpty()) {
            report.set(
                    "evidenceUnavailable",
                    JSON.valueToTree(assessment.evidence().unavailable()));
        }
        report.set("components", components(assessment));
        report.set("advisories", advisories(assessment.advisories()));
        if (!assessment.advisoryProblems().isEmpty()) {
            report.set("advisoryProblems", JSON.valueToTree(assessment.advisoryProblems()));
        }
        assessment.baselineProblem().ifPresent(problem -> report.put("baselineProblem", problem));
        return report;
    }

    public static ObjectNode scan(ScanReport scan) {
        return ScanReportJson.of(scan);
    }

    /** The trust summary of a fresh decision (a later rescan may flag it; see {@link RescanService}). */
    public static ObjectNode trust(Decision decision, Assessment assessment) {
        ObjectNode trust = JSON.createObjectNode().put("tier", decision.tier().wireName());
        trust.put("flagged", false);
        ObjectNode signature = trust.putObject("signature")
                .put("verified", assessment.signature().isPresent());
        assessment.signature().ifPresent(bound -> signer(signature, bound.signer()));
        ObjectNode sbom =
                trust.putObject("sbom").put("present", assessment.sbom().isPresent());
        assessment
                .sbom()
                .flatMap(BoundEvidence::sbom)
                .ifPresent(s -> sbom.put("format", s.format().name().toLowerCase(Locale.ROOT))
                        .put("components", s.components().size()));
        Optional<BoundEvidence> provenance = decision.provenance();
        if (provenance.isPresent()) {
            var slsa = provenance.get().provenance().orElseThrow();
            ObjectNode node = trust.putObject("provenance").put("builder", slsa.builderId());
            slsa.sourceRepository().ifPresent(repo -> node.put("sourceRepository", repo));
        } else {
            trust.putNull("provenance");
        }
        trust.set("scan", scanSummary(assessment.scan()));
        trust.set("vulnerabilities", vulnerabilities(assessment.advisories()));
        trust.put("toolsDigest", assessment.scan().toolSetDigest());
        return trust;
    }

    /** A keyless signer's issuer, subject, source repository and commit; a key's name and fingerprint. */
    private static void signer(ObjectNode node, Signer signer) {
        if (signer instanceof Signer.Keyless keyless) {
            SignerIdentity identity = keyless.identity();
            node.put("issuer", identity.issuer()).put("subject", identity.subject());
            identity.sourceRepository().ifPresent(repo -> node.put("sourceRepository", repo));
            identity.commit().ifPresent(commit -> node.put("commit", commit));
        } else if (signer instanceof Signer.Key key) {
            node.put("key", key.name()).put("keyFingerprint", key.fingerprint());
        }
    }

    /** The trust summary's {@code scan}: verdict, rule-pack version, number of findings. */
    static ObjectNode scanSummary(ScanReport scan) {
        return JSON.createObjectNode()
                .put("verdict", scan.verdict().wireName())
                .put("rulesVersion", scan.rulesVersion())
                .put("findings", scan.findings().size());
    }

    /** The trust summary's {@code vulnerabilities}: the worst severity and the number of matches. */
    static ObjectNode vulnerabilities(List<AdvisoryMatch> matches) {
        ObjectNode vulnerabilities = JSON.createObjectNode();
        AdvisoryMatch.worst(matches)
                .ifPresentOrElse(
                        s -> vulnerabilities.put("maxSeverity", s.name().toLowerCase(Locale.ROOT)),
                        () -> vulnerabilities.putNull("maxSeverity"));
        return vulnerabilities.put("count", matches.size());
    }

    /** The report's {@code advisories}. */
    static ArrayNode advisories(List<AdvisoryMatch> matches) {
        ArrayNode advisories = JSON.createArrayNode();
        matches.forEach(match -> advisories.add(advisory(match)));
        return advisories;
    }

    public static ArrayNode checks(Decision decision) {
        ArrayNode checks = JSON.createArrayNode();
        decision.checks()
                .forEach(check -> checks.addObject()
                        .put("name", check.name())
                        .put("passed", check.passed())
                        .put("detail", check.detail()));
        return checks;
    }

    private static ArrayNode components(Assessment assessment) {
        ArrayNode components = JSON.createArrayNode();
        for (Sbom.Component component : assessment.components()) {
            components
                    .addObject()
                    .put("purl", component.purl())
                    .put("name", component.name())
                    .put("version", component.version());
        }
        return components;
    }

    private static ObjectNode advisory(AdvisoryMatch match) {
        ObjectNode node = JSON.createObjectNode()
                .put("id", match.advisoryId())
                .put("purl", match.purl())
                .put("severity", match.severity().name().toLowerCase(Locale.ROOT));
        match.summary().ifPresent(summary -> node.put("summary", summary));
        return node;
    }
}
