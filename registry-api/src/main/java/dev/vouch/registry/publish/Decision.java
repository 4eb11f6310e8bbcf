package dev.vouch.registry.publish;

import java.util.List;

/** What the policy decided for a publish, and every check it decided on. */
public record Decision(Outcome outcome, String tier, List<CheckResult> checks) {

    /** Rejected stores nothing; pending waits for a curator; published is listed. */
    public enum Outcome { REJECTED, PENDING, PUBLISHED }

    public Decision {
        checks = List.copyOf(checks);
    }
}
