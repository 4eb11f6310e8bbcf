package dev.vouch.registry.publish;

import dev.vouch.registry.evidence.BoundEvidence;
import java.util.List;
import java.util.Optional;

/**
 * What the policy decided for a publish, every check it decided on, and the provenance it accepted
 * (built from the manifest's repository by an accepted builder), if any.
 */
public record Decision(Outcome outcome, String tier, List<CheckResult> checks, Optional<BoundEvidence> provenance) {

    /** Rejected stores nothing; pending waits for a curator; published is listed. */
    public enum Outcome { REJECTED, PENDING, PUBLISHED }

    public Decision {
        checks = List.copyOf(checks);
    }
}
