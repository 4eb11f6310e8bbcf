package dev.vouch.scanner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.scanner.intent.InputMeanings;

/**
 * The one JSON form of a scan report, shared by {@code vouch scan --format json}, the publish report
 * and the curator's report: verdict, rule-pack version, tool-set digest ({@code toolsDigest}, the
 * API's name), every tool with its verdict and findings, and for each finding of the instruction model
 * the features that decided it with their spans and what each means.
 */
public final class ScanReportJson {

    private static final ObjectMapper JSON = JsonMappers.JSON;

    private ScanReportJson() {}

    public static ObjectNode of(ScanReport report) {
        ObjectNode node = JSON.createObjectNode()
                .put("verdict", report.verdict().wireName())
                .put("rulesVersion", report.rulesVersion())
                .put("toolsDigest", report.toolSetDigest());
        ArrayNode tools = node.putArray("tools");
        for (ToolReport tool : report.tools()) {
            ObjectNode entry = tools.addObject()
                    .put("name", tool.name())
                    .put("pointer", tool.pointer())
                    .put("digest", tool.digest())
                    .put("verdict", tool.verdict().wireName());
            ArrayNode findings = entry.putArray("findings");
            tool.findings().forEach(finding -> findings.add(finding(finding)));
        }
        ArrayNode server = node.putArray("serverFindings");
        report.serverFindings().forEach(finding -> server.add(finding(finding)));
        return node;
    }

    public static ObjectNode finding(Finding finding) {
        ObjectNode node = JSON.createObjectNode()
                .put("ruleId", finding.ruleId())
                .put("family", finding.family().wireName())
                .put("severity", finding.severity().wireName())
                .put("pointer", finding.pointer())
                .put("evidence", finding.evidence());
        if (!finding.signals().isEmpty()) {
            ArrayNode features = node.putArray("features");
            for (Signal signal : finding.signals()) {
                ObjectNode feature = features.addObject()
                        .put("feature", signal.feature())
                        .put("meaning", InputMeanings.of(signal.feature()))
                        .put("weight", signal.weight())
                        .put("pointer", signal.pointer())
                        .put("start", signal.start())
                        .put("end", signal.end())
                        .put("sentence", signal.sentence());
                if (signal.decodedFrom() != null) {
                    feature.put("decodedFrom", signal.decodedFrom());
                }
            }
        }
        return node;
    }
}
