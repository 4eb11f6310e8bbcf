package dev.vouch.registry.advisories;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * An advisory's severity. OSV documents state it in {@code database_specific.severity} (GitHub's
 * advisories) or leave it out; an advisory without one is {@code UNKNOWN}, which a policy must treat as
 * it chooses (the safe choice is as high).
 */
public enum AdvisorySeverity {
    UNKNOWN,
    LOW,
    MODERATE,
    HIGH,
    CRITICAL;

    public static AdvisorySeverity of(JsonNode osv) {
        String stated = osv.path("database_specific").path("severity").asText("");
        return switch (stated.toUpperCase(Locale.ROOT)) {
            case "LOW" -> LOW;
            case "MODERATE", "MEDIUM" -> MODERATE;
            case "HIGH" -> HIGH;
            case "CRITICAL" -> CRITICAL;
            default -> UNKNOWN;
        };
    }

    public static AdvisorySeverity parse(String stored) {
        try {
            return valueOf(stored);
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
