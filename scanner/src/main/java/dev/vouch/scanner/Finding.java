package dev.vouch.scanner;

import java.util.List;

/**
 * One thing the scanner found.
 *
 * @param pointer  JSON Pointer (RFC 6901) into the scanned document
 * @param evidence an excerpt of the text, invisible characters shown as visible escapes
 * @param signals  for a finding of the instruction model, the features that decided it and their spans
 */
public record Finding(
        String ruleId, Family family, Severity severity, String pointer, String evidence, List<Signal> signals) {

    public Finding {
        signals = List.copyOf(signals);
    }

    /** A finding of a pattern rule or check: its evidence is the excerpt, it has no model signals. */
    public Finding(String ruleId, Family family, Severity severity, String pointer, String evidence) {
        this(ruleId, family, severity, pointer, evidence, List.of());
    }

    /** The same finding at a higher severity, for text a new version added. */
    public Finding escalated() {
        return new Finding(ruleId, family, Severity.BLOCK, pointer, evidence, signals);
    }
}
