package dev.vouch.store;

import java.time.Instant;
import java.util.Optional;

/**
 * One published server version as stored: the manifest bytes exactly as published, their digest, and
 * the registry-managed state.
 */
public record StoredVersion(
        long id,
        String serverName,
        String version,
        byte[] manifest,
        String manifestSha256,
        Optional<byte[]> tools,
        VersionStatus status,
        Optional<String> statusMessage,
        Instant statusChangedAt,
        Instant publishedAt,
        Instant updatedAt,
        boolean latest,
        String publishedBy) {
}
