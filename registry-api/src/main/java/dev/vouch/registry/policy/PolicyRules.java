package dev.vouch.registry.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * What the operator decided for a namespace.
 *
 * @param scanReview what a scanner {@code review} verdict does: hold the version for a curator, or
 *                   publish it with a warning. A {@code block} verdict always rejects.
 * @param toolDrift  what a new version whose tools changed (without new scanner findings) does: allow
 *                   it, hold it for review, or reject it. Drift that brings new findings always rejects.
 */
public record PolicyRules(ScanReview scanReview, ToolDrift toolDrift) {

    public enum ScanReview {
        HOLD, WARN;

        @com.fasterxml.jackson.annotation.JsonCreator
        static ScanReview parse(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    public enum ToolDrift {
        ALLOW, REVIEW, BLOCK;

        @com.fasterxml.jackson.annotation.JsonCreator
        static ToolDrift parse(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /** The shipped default: anything doubtful waits for a person. */
    public static PolicyRules safeDefault() {
        return new PolicyRules(ScanReview.HOLD, ToolDrift.REVIEW);
    }

    /** A partial rule set from the policy file; absent fields inherit the default. */
    record Override(@JsonProperty("scanReview") ScanReview scanReview, @JsonProperty("toolDrift") ToolDrift toolDrift) {
        PolicyRules over(PolicyRules base) {
            return new PolicyRules(scanReview != null ? scanReview : base.scanReview(),
                    toolDrift != null ? toolDrift : base.toolDrift());
        }
    }
}
