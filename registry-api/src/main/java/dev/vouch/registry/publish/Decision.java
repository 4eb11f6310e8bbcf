package dev.vouch.registry.publish;

import dev.vouch.registry.domain.Tier;
import dev.vouch.registry.evidence.BoundEvidence;
import java.util.List;
import java.util.Optional;

/**
 * What the policy decided for a publish, every check it decided on, and the provenance it accepted
 * (built from the manifest's repository by an accepted builder), if any.
 */
public record Decision(Outcome outcome, Tier tier, List<CheckResult> checks, Optional<BoundEvidence> provenance) {

    /**
     * Rejected stores only its audit record; pending is stored unlisted and waits for a curator;
     * published is listed. Each outcome has an explicit {@link #severity()}: when several checks call
     * for different outcomes, the most severe wins, so one failed check can never be outvoted by a
     * milder one. The declaration order carries no meaning.
     */
    public enum Outcome {
        PUBLISHED(0),
        PENDING(1),
        REJECTED(2);

        private final int severity;

        Outcome(int severity) {
            this.severity = severity;
        }

        /** Higher is more severe: published 0, pending 1, rejected 2. */
        public int severity() {
            return severity;
        }

        /** Whether this outcome is more severe than {@code other}. */
        public boolean isMoreSevereThan(Outcome other) {
            return severity > other.severity;
        }

        /** The more severe of the two. */
        public static Outcome mostSevere(Outcome a, Outcome b) {
            return b.isMoreSevereThan(a) ? b : a;
        }
    }

    public Decision {
        checks = List.copyOf(checks);
    }
}
