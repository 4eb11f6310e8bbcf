package dev.vouch.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A filter over all stored versions, paged by keyset.
 *
 * @param search        words to find in the name, title, description and tools (prefixes match; results
 *                      come by relevance)
 * @param updatedSince  only versions updated strictly after this instant, in change order
 * @param version       a version selector: latest only, or one exact version
 * @param includeDeleted whether versions with status {@code deleted} are listed
 * @param tier          only versions of this trust tier
 * @param after         the key of the last entry of the previous page
 * @param limit         page size
 */
public record VersionQuery(
        Optional<String> search,
        Optional<Instant> updatedSince,
        Optional<VersionSelector> version,
        boolean includeDeleted,
        Optional<String> tier,
        Optional<PageKey> after,
        int limit) {

    /** Which versions of each server a query returns. */
    public sealed interface VersionSelector {
        record Latest() implements VersionSelector {}

        record Exact(String version) implements VersionSelector {}
    }
}
