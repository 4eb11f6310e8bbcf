package dev.vouch.store;

import java.time.Instant;
import java.util.Optional;

/**
 * One version a mirror read from its upstream: where it came from (the upstream URL, its publishedAt,
 * updatedAt and status there) and what local policy made of it ({@code outcome}: published, pending,
 * rejected, or skipped when it was already deleted upstream). {@code versionId} names the stored version
 * when there is one; {@code reasons} is the JSON of the checks or violations behind a rejection.
 */
public record MirrorEntry(
        String upstream,
        String serverName,
        String version,
        Optional<Long> versionId,
        String manifestSha256,
        Optional<Instant> upstreamPublishedAt,
        Optional<Instant> upstreamUpdatedAt,
        String upstreamStatus,
        Optional<String> upstreamStatusMessage,
        String outcome,
        Optional<String> reasons,
        Instant recordedAt) {

    /** Whether the upstream still says the same about this version: nothing to do on a re-read. */
    public boolean sameUpstreamState(Optional<Instant> updatedAt, String status, Optional<String> statusMessage) {
        return upstreamUpdatedAt.equals(updatedAt)
                && upstreamStatus.equals(status)
                && upstreamStatusMessage.equals(statusMessage);
    }
}
