package dev.vouch.registry.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.registry.runtime.RunPolicy;
import dev.vouch.store.StoredVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** Renders stored versions in the official envelope: {@code {"server": …, "_meta": {official…}}}. */
final class ServerJson {

    static final String OFFICIAL_META = "io.modelcontextprotocol.registry/official";
    static final String TRUST_META = "io.vouch.registry/trust";
    static final String PUBLISH_META = "io.vouch.registry/publish";

    private final ObjectMapper mapper;

    ServerJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode response(StoredVersion version) {
        ObjectNode envelope = mapper.createObjectNode();
        JsonNode manifest = manifest(version);
        envelope.set("server", manifest);
        ObjectNode official = mapper.createObjectNode()
                .put("status", version.status().wireName());
        version.statusMessage().ifPresent(message -> official.put("statusMessage", message));
        official.put("statusChangedAt", timestamp(version.statusChangedAt()))
                .put("publishedAt", timestamp(version.publishedAt()))
                .put("updatedAt", timestamp(version.updatedAt()))
                .put("isLatest", version.latest());
        ObjectNode meta = envelope.putObject("_meta");
        meta.set(OFFICIAL_META, official);
        version.trust().ifPresent(trust -> meta.set(TRUST_META, json(trust, version)));
        meta.set(RunPolicy.META_KEY, RunPolicy.of(manifest, version.toolsDigest()));
        return envelope;
    }

    /** A publish answer: the version, and the decision with every check. */
    ObjectNode published(StoredVersion version, String decision, JsonNode checks) {
        ObjectNode response = response(version);
        ObjectNode publish = ((ObjectNode) response.get("_meta")).putObject(PUBLISH_META)
                .put("decision", decision).put("reviewState", version.reviewState().wireName());
        publish.set("checks", checks);
        return response;
    }

    private JsonNode json(byte[] bytes, StoredVersion version) {
        try {
            return mapper.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("stored trust of " + version.serverName() + "@" + version.version()
                    + " is not JSON", e);
        }
    }

    ObjectNode list(List<StoredVersion> versions, Optional<String> nextCursor) {
        ObjectNode body = mapper.createObjectNode();
        ArrayNode servers = body.putArray("servers");
        versions.forEach(version -> servers.add(response(version)));
        ObjectNode metadata = body.putObject("metadata");
        nextCursor.ifPresent(cursor -> metadata.put("nextCursor", cursor));
        metadata.put("count", versions.size());
        return body;
    }

    /** The official {@code AllVersionsStatusResponse}. */
    ObjectNode allVersionsStatus(List<StoredVersion> versions) {
        ObjectNode body = mapper.createObjectNode().put("updatedCount", versions.size());
        ArrayNode servers = body.putArray("servers");
        versions.forEach(version -> servers.add(response(version)));
        return body;
    }

    private JsonNode manifest(StoredVersion version) {
        try {
            return mapper.readTree(version.manifest());
        } catch (IOException e) {
            // Stored manifests were parsed at publish; failing here means the database was altered.
            throw new UncheckedIOException("stored manifest of " + version.serverName() + "@" + version.version()
                    + " is not JSON", e);
        }
    }

    private static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
