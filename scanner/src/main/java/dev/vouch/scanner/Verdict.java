package dev.vouch.scanner;

import java.util.Collection;
import java.util.Locale;

/** The outcome for a tool or a server: the worst severity among its findings. */
public enum Verdict {
    PASS,
    REVIEW,
    BLOCK;

    public static Verdict of(Collection<Finding> findings) {
        Verdict verdict = PASS;
        for (Finding finding : findings) {
            verdict = verdict.worst(finding.severity() == Severity.BLOCK ? BLOCK : REVIEW);
        }
        return verdict;
    }

    public Verdict worst(Verdict other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
