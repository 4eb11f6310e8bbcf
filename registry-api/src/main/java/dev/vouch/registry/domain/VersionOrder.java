package dev.vouch.registry.domain;

import com.github.zafarkhaja.semver.Version;
import java.util.Optional;

/**
 * Which version of a server is its latest, following the official registry: when both versions are
 * semantic versions the higher one wins; otherwise the one published last does.
 */
public final class VersionOrder {

    private VersionOrder() {}

    /** Whether a newly published {@code candidate} becomes latest over {@code currentLatest}. */
    public static boolean supersedes(String candidate, Optional<String> currentLatest) {
        if (currentLatest.isEmpty()) {
            return true;
        }
        Optional<Version> next = Version.tryParse(candidate, false);
        Optional<Version> current = Version.tryParse(currentLatest.get(), false);
        if (next.isPresent() && current.isPresent()) {
            return next.get().isHigherThan(current.get());
        }
        return true;
    }
}
