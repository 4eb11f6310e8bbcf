package dev.vouch.scanner;

import java.util.List;

/** One tool's result: its canonical digest, its findings and the verdict they add up to. */
public record ToolReport(String name, String pointer, String digest, Verdict verdict, List<Finding> findings) {

    public ToolReport {
        findings = List.copyOf(findings);
    }
}
