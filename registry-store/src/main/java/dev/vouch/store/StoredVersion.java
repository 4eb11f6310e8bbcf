package dev.vouch.store;

import java.time.Instant;
import java.util.Optional;

/**
 * One server version as stored: the manifest bytes exactly as published, their digest, the
 * registry-managed state, and what the publish pipeline decided (review state, tier, trust summary,
 * report, tool-set digest).
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
        String publishedBy,
        ReviewState reviewState,
        Optional<String> reviewReason,
        String tier,
        Optional<byte[]> trust,
        Optional<byte[]> report,
        Optional<String> toolsDigest) {}
