package dev.vouch.registry.advisories;

import java.util.Collection;
import java.util.Optional;

/** An advisory that applies to a component version. */
public record AdvisoryMatch(String advisoryId, AdvisorySeverity severity, Optional<String> summary, String purl) {

    /** The worst severity among the matches; an advisory of unknown severity counts as high. */
    public static Optional<AdvisorySeverity> worst(Collection<AdvisoryMatch> matches) {
        return matches.stream()
                .map(AdvisoryMatch::severity)
                .map(s -> s == AdvisorySeverity.UNKNOWN ? AdvisorySeverity.HIGH : s)
                .max(Enum::compareTo);
    }
}
