package dev.vouch.store;

import java.time.Instant;
import java.util.Optional;

/** What the publish path hands the store: the exact manifest bytes plus the columns extracted from them. */
public record NewVersion(
        String serverName,
        String version,
        byte[] manifest,
        String manifestSha256,
        String description,
        Optional<String> title,
        Optional<byte[]> tools,
        Instant publishedAt,
        boolean latest,
        String publishedBy,
        ReviewState reviewState,
        String tier,
        Optional<byte[]> trust,
        Optional<byte[]> report,
        Optional<String> toolsDigest) {}
