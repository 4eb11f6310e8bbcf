package dev.vouch.registry.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.scanner.Finding;
import dev.vouch.scanner.ScanReport;
import dev.vouch.scanner.ToolReport;

/**
 * The two JSON documents a decision leaves with a version: the full report (every check and finding)
 * and the trust summary every read carries under {@code _meta["io.vouch.registry/trust"]}.
 */
public final class PublishReports {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PublishReports() {
    }

    public static ObjectNode report(Decision decision, ScanReport scan) {
        ObjectNode report = JSON.createObjectNode()
                .put("decision", decision.outcome().name().toLowerCase(java.util.Locale.ROOT))
                .put("tier", decision.tier());
        report.set("checks", checks(decision));
        ObjectNode scanNode = report.putObject("scan")
                .put("verdict", scan.verdict().wireName())
                .put("rulesVersion", scan.rulesVersion())
                .put("toolsDigest", scan.toolSetDigest());
        ArrayNode tools = scanNode.putArray("tools");
        for (ToolReport tool : scan.tools()) {
            ObjectNode entry = tools.addObject().put("name", tool.name()).put("digest", tool.digest())
                    .put("verdict", tool.verdict().wireName());
            ArrayNode findings = entry.putArray("findings");
            tool.findings().forEach(f -> findings.add(finding(f)));
        }
        ArrayNode server = scanNode.putArray("serverFindings");
        scan.serverFindings().forEach(f -> server.add(finding(f)));
        scan.drift().ifPresent(drift -> {
            ObjectNode node = report.putObject("drift");
            node.putPOJO("added", drift.added());
            node.putPOJO("removed", drift.removed());
            node.putPOJO("changed", drift.changed());
            node.put("previousToolsDigest", drift.previousToolSetDigest());
        });
        return report;
    }

    public static ObjectNode trust(Decision decision, ScanReport scan) {
        return trust(decision, scan, java.util.Optional.empty());
    }

    /** The trust summary; a rescan that finds a published version now failing flags it with the reason. */
    public static ObjectNode trust(Decision decision, ScanReport scan, java.util.Optional<String> flag) {
        ObjectNode trust = JSON.createObjectNode().put("tier", decision.tier());
        trust.put("flagged", flag.isPresent());
        flag.ifPresent(reason -> trust.put("flagReason", reason));
        trust.putObject("signature").put("verified", false);
        trust.putObject("sbom").put("present", false);
        trust.putNull("provenance");
        trust.putObject("scan").put("verdict", scan.verdict().wireName()).put("rulesVersion", scan.rulesVersion())
                .put("findings", scan.findings().size());
        trust.putObject("vulnerabilities").putNull("maxSeverity").put("count", 0);
        trust.put("toolsDigest", scan.toolSetDigest());
        return trust;
    }

    public static ArrayNode checks(Decision decision) {
        ArrayNode checks = JSON.createArrayNode();
        decision.checks().forEach(check -> checks.addObject().put("name", check.name())
                .put("passed", check.passed()).put("detail", check.detail()));
        return checks;
    }

    private static ObjectNode finding(Finding finding) {
        return JSON.createObjectNode().put("ruleId", finding.ruleId()).put("family", finding.family().wireName())
                .put("severity", finding.severity().wireName()).put("pointer", finding.pointer())
                .put("evidence", finding.evidence());
    }
}
