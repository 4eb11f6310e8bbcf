package dev.vouch.registry.advisories;

import java.util.Optional;

/** An advisory that applies to a component version. */
public record AdvisoryMatch(String advisoryId, AdvisorySeverity severity, Optional<String> summary, String purl) {
}
