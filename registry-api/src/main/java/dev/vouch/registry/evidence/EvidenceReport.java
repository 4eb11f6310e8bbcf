package dev.vouch.registry.evidence;

import java.util.List;

/**
 * Everything evidence gathering found: the verified evidence, the evidence that failed verification
 * (a publisher who sends a bad signature is refused), and what could not be gathered (fetch failures,
 * packages not pinned by digest), which matters only where the policy requires evidence.
 */
public record EvidenceReport(List<BoundEvidence> verified, List<String> invalid, List<String> unavailable) {

    public EvidenceReport {
        verified = List.copyOf(verified);
        invalid = List.copyOf(invalid);
        unavailable = List.copyOf(unavailable);
    }
}
