package dev.vouch.scanner;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The rule families: each names one way an MCP server can betray the model or its user. */
public enum Family {
    PSEUDO_AUTHORITY,
    INSTRUCTION_OVERRIDE,
    CONCEALMENT,
    COERCIVE_ORDERING,
    CROSS_TOOL_SHADOWING,
    SENSITIVE_RESOURCE,
    EXFILTRATION,
    HIDDEN_CONTENT,
    HIDDEN_BEHAVIOUR,
    SECRET,
    COMMAND_PAYLOAD,
    SCHEMA_CONTRADICTION,
    IMPERSONATION,
    DRIFT,
    TOXIC_FLOW,
    /** An instruction aimed at the agent, found by the instruction model rather than a pattern. */
    AGENT_INSTRUCTION;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static Family fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
