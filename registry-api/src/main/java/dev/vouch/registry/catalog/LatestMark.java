package dev.vouch.registry.catalog;

import dev.vouch.registry.domain.VersionOrder;
import dev.vouch.store.Store;
import dev.vouch.store.StoredVersion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps a server's latest mark on the version the official ordering picks among its published, not
 * deleted versions (active or deprecated), or on none. Run inside the transaction of any change that
 * can alter that set: a status change or a curator's approval.
 */
public final class LatestMark {

    private LatestMark() {}

    /**
     * Moves the mark where it belongs; returns the version now marked latest, if any.
     */
    public static Optional<String> recompute(Store.Repositories repos, String serverName, Instant now) {
        List<StoredVersion> candidates = repos.versions().listVersions(serverName, false);
        Optional<String> chosen = Optional.empty();
        // Oldest first, as successive publishes would have moved the mark.
        for (int i = candidates.size() - 1; i >= 0; i--) {
            String version = candidates.get(i).version();
            if (VersionOrder.supersedes(version, chosen)) {
                chosen = Optional.of(version);
            }
        }
        Optional<String> current = repos.versions().findLatest(serverName).map(StoredVersion::version);
        if (!current.equals(chosen)) {
            if (current.isPresent()) {
                repos.versions().clearLatest(serverName, now);
            }
            chosen.ifPresent(version -> repos.versions().markLatest(serverName, version, now));
        }
        return chosen;
    }
}
