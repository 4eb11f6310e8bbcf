package dev.vouch.store;

import java.time.Instant;
import java.util.Optional;

/**
 * One advisory's entry for one affected package.
 *
 * @param affected the OSV {@code affected} object for this package, as JSON bytes
 */
public record StoredAdvisory(
        String advisoryId,
        String ecosystem,
        String packageName,
        String severity,
        Optional<String> summary,
        byte[] affected,
        Instant modified) {}
