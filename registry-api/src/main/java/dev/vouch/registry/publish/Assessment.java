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
 * Everything the pipeline learned about a publish before the policy decides: the scan (with drift), the
 * tools of other publishers' servers named like its own, the verified evidence, the SBOM components and the
 * advisories that affect them, and what could not be checked ({@code advisoryProblems}; {@code
 * baselineProblem} when the previous version's tools could not be read, so drift is unknown). A check that
 * could not run is reported, never read as passed.
 */
public record Assessment(
        ScanReport scan,
        List<SharedToolName> sharedToolNames,
        EvidenceReport evidence,
        List<Sbom.Component> components,
        List<AdvisoryMatch> advisories,
        List<String> advisoryProblems,
        Optional<String> baselineProblem) {

    public Assessment {
        sharedToolNames = List.copyOf(sharedToolNames);
        components = List.copyOf(components);
        advisories = List.copyOf(advisories);
        advisoryProblems = List.copyOf(advisoryProblems);
    }

    public Optional<BoundEvidence> signature() {
        return evidence.verified().stream().findFirst();
    }

    public Optional<BoundEvidence> sbom() {
        return evidence.verified().stream().filter(e -> e.sbom().isPresent()).findFirst();
    }

    public List<BoundEvidence> provenance() {
        return evidence.verified().stream()
                .filter(e -> e.provenance().isPresent())
                .toList();
    }

    /** The worst advisory severity; an advisory of unknown severity counts as high. */
    public Optional<AdvisorySeverity> maxSeverity() {
        return AdvisoryMatch.worst(advisories);
    }
}
