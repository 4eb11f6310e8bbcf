package dev.vouch.registry.publish;

import dev.vouch.provenance.intoto.Sbom;
import dev.vouch.registry.advisories.AdvisoryMatch;
import dev.vouch.registry.advisories.AdvisorySeverity;
import dev.vouch.registry.evidence.BoundEvidence;
import dev.vouch.registry.evidence.EvidenceReport;
import dev.vouch.scanner.ScanReport;
import java.util.List;
import java.util.Optional;

/**
 * Everything the pipeline learned about a publish before the policy decides: the scan (with drift),
 * the verified evidence, the SBOM components and the advisories that affect them.
 */
public record Assessment(ScanReport scan, EvidenceReport evidence, List<Sbom.Component> components,
                         List<AdvisoryMatch> advisories) {

    public Assessment {
        components = List.copyOf(components);
        advisories = List.copyOf(advisories);
    }

    public Optional<BoundEvidence> signature() {
        return evidence.verified().stream().findFirst();
    }

    public Optional<BoundEvidence> sbom() {
        return evidence.verified().stream().filter(e -> e.sbom().isPresent()).findFirst();
    }

    public List<BoundEvidence> provenance() {
        return evidence.verified().stream().filter(e -> e.provenance().isPresent()).toList();
    }

    /** The worst advisory severity; an advisory of unknown severity counts as high. */
    public Optional<AdvisorySeverity> maxSeverity() {
        return AdvisoryMatch.worst(advisories);
    }
}
