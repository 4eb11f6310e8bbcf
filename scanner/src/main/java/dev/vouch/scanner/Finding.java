package dev.vouch.scanner;

/**
 * One thing the scanner found.
 *
 * @param pointer  JSON Pointer (RFC 6901) into the scanned document
 * @param evidence an excerpt of the text, invisible characters shown as visible escapes
 */
public record Finding(String ruleId, Family family, Severity severity, String pointer, String evidence) {

    /** The same finding at a higher severity, for text a new version added. */
    public Finding escalated() {
        return new Finding(ruleId, family, Severity.BLOCK, pointer, evidence);
    }
}
