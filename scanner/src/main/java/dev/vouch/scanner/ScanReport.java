package dev.vouch.scanner;

import dev.vouch.scanner.drift.DriftReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The result of one scan: a verdict per tool, the findings outside any tool (prompts, resources,
 * instructions, the manifest, server-level checks), the tool-set digest, the drift from a previous
 * version when one was given, the rule pack version that produced it all, and how many characters
 * were read.
 */
public record ScanReport(
        String rulesVersion,
        Verdict verdict,
        List<ToolReport> tools,
        List<Finding> serverFindings,
        String toolSetDigest,
        Optional<DriftReport> drift,
        long charsScanned) {

    public ScanReport {
        tools = List.copyOf(tools);
        serverFindings = List.copyOf(serverFindings);
    }

    /** Every finding, tools first. */
    public List<Finding> findings() {
        List<Finding> all = new ArrayList<>();
        tools.forEach(tool -> all.addAll(tool.findings()));
        all.addAll(serverFindings);
        return all;
    }
}
