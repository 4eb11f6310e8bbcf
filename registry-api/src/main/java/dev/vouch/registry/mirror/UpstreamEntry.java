package dev.vouch.registry.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/**
 * One entry of an upstream page: the server.json as the upstream serves it and what the upstream's
 * official {@code _meta} says about it. Timestamps are empty where a subregistry does not send them.
 */
record UpstreamEntry(
        JsonNode server,
        String name,
        String version,
        String status,
        Optional<String> statusMessage,
        Optional<Instant> publishedAt,
        Optional<Instant> updatedAt) {

    String coordinates() {
        return name + "@" + version;
    }
}
