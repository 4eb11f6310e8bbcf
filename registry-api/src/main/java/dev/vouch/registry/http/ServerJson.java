package dev.vouch.registry.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.vouch.registry.domain.Digests;
import dev.vouch.registry.mirror.MirrorService;
import dev.vouch.registry.mirror.MirrorSources;
import dev.vouch.registry.runtime.RunPolicy;
import dev.vouch.store.StoredVersion;
import dev.vouch.store.VersionStamp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Renders stored versions in the official envelope: {@code {"server": …, "_meta": {official…}}}. */
final class ServerJson {

    static final String OFFICIAL_META = "io.modelcontextprotocol.registry/official";
    static final String TRUST_META = "io.vouch.registry/trust";
    static final String PUBLISH_META = "io.vouch.registry/publish";
    private static final JsonStringEncoder JSON_TEXT = JsonStringEncoder.getInstance();
    private static final byte[] SERVERS_OPEN = "{\"servers\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] COMMA = {','};

    /** Bounded by bytes: a quarter of a 256 MiB heap at most. */
    private static final long MAX_CACHED_ENTRY_BYTES = 48L * 1024 * 1024;

    private final ObjectMapper mapper;
    private final MirrorSources sources;
    /**
     * Entries by their stamp, which is what a version's envelope depends on: every change to a stored
     * version moves its {@code updatedAt}, so the serialised envelope of one stamp never changes, whatever
     * page or query lists it, and a stamp read from the database names the same bytes on every node. (Its
     * server name follows from its id; the stamp a page reads is the key itself, nothing made per entry.)
     */
    private final Cache<VersionStamp, AnswerBytes> entries;

    ServerJson(ObjectMapper mapper, MirrorSources sources) {
        this.mapper = mapper;
        this.sources = sources;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(MAX_CACHED_ENTRY_BYTES)
                .weigher((VersionStamp key, AnswerBytes entry) -> entry.length() + 160)
                .executor(ReadCache::maintainHere)
                .build();
    }

    ObjectNode response(StoredVersion version) {
        return response(version, sources.of(version));
    }

    private ObjectNode response(StoredVersion version, Optional<ObjectNode> source) {
        ObjectNode envelope = mapper.createObjectNode();
        JsonNode manifest = manifest(version);
        envelope.set("server", manifest);
        ObjectNode official =
                mapper.createObjectNode().put("status", version.status().wireName());
        version.statusMessage().ifPresent(message -> official.put("statusMessage", message));
        official.put("statusChangedAt", timestamp(version.statusChangedAt()))
                .put("publishedAt", timestamp(version.publishedAt()))
                .put("updatedAt", timestamp(version.updatedAt()))
                .put("isLatest", version.latest());
        ObjectNode meta = envelope.putObject("_meta");
        meta.set(OFFICIAL_META, official);
        version.trust().ifPresent(trust -> meta.set(TRUST_META, json(trust, version)));
        meta.set(RunPolicy.META_KEY, RunPolicy.of(manifest, version.toolsDigest()));
        // The mirror moves a version's updatedAt whenever its source changes, so cached entries stay true.
        source.ifPresent(found -> meta.set(MirrorService.META_KEY, found));
        return envelope;
    }

    /** A publish answer: the version, and the decision with every check. */
    ObjectNode published(StoredVersion version, String decision, JsonNode checks) {
        ObjectNode response = response(version);
        ObjectNode publish = ((ObjectNode) response.get("_meta"))
                .putObject(PUBLISH_META)
                .put("decision", decision)
                .put("reviewState", version.reviewState().wireName());
        publish.set("checks", checks);
        return response;
    }

    private JsonNode json(byte[] bytes, StoredVersion version) {
        try {
            return mapper.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "stored trust of " + version.serverName() + "@" + version.version() + " is not JSON", e);
        }
    }

    /** One version's envelope as bytes, serialised once per change of the version. */
    AnswerBytes responseBytes(StoredVersion version) {
        return entries.get(VersionStamp.of(version), key -> AnswerBytes.of(write(response(version))));
    }

    /**
     * The official list envelope as bytes, built from each entry's cached bytes. The page comes as stamps;
     * only the versions whose entries are not cached are loaded, all in one read through {@code load},
     * with their mirror sources in one more, so a page of cached entries neither reads a manifest from
     * the database nor parses or serialises one.
     *
     * <p>A version changed between the listing and the load is written as loaded, the newer state; one
     * that can no longer be loaded is left out.
     */
    AnswerBytes listBytes(
            List<VersionStamp> stamps,
            Function<Collection<Long>, Map<Long, StoredVersion>> load,
            Optional<String> nextCursor) {
        AnswerBytes[] written = new AnswerBytes[stamps.size()];
        List<Long> missing = new ArrayList<>();
        for (int i = 0; i < stamps.size(); i++) {
            written[i] = entries.getIfPresent(stamps.get(i));
            if (written[i] == null) {
                missing.add(stamps.get(i).id());
            }
        }
        if (!missing.isEmpty()) {
            Map<Long, StoredVersion> loaded = load.apply(missing);
            Map<Long, ObjectNode> found = sources.of(List.copyOf(loaded.values()));
            for (int i = 0; i < stamps.size(); i++) {
                StoredVersion version =
                        written[i] == null ? loaded.get(stamps.get(i).id()) : null;
                if (version != null) {
                    written[i] = entries.get(
                            VersionStamp.of(version),
                            key -> AnswerBytes.of(
                                    write(response(version, Optional.ofNullable(found.get(version.id()))))));
                }
            }
        }
        // The page is its entries' own cached arrays with the framing between them, none copied; its
        // digest is of the framing and the entries' digests (fixed-length, and counted in the metadata),
        // so any change to any byte changes it, without hashing the whole page again.
        List<byte[]> parts = new ArrayList<>(2 * written.length + 2);
        List<byte[]> digested = new ArrayList<>(written.length + 2);
        parts.add(SERVERS_OPEN);
        digested.add(SERVERS_OPEN);
        int count = 0;
        for (AnswerBytes entry : written) {
            if (entry != null) {
                if (count++ > 0) {
                    parts.add(COMMA);
                }
                // One by one: addAll would copy each entry's list into an array first.
                for (byte[] part : entry.parts()) {
                    parts.add(part);
                }
                digested.add(entry.sha256());
            }
        }
        byte[] metadata = metadata(nextCursor, count);
        parts.add(metadata);
        digested.add(metadata);
        return new AnswerBytes(parts, Digests.sha256(digested));
    }

    /** What follows the entries: {@code ],"metadata":{"nextCursor":…,"count":n}}. */
    private static byte[] metadata(Optional<String> nextCursor, int count) {
        StringBuilder text = new StringBuilder(96).append("],\"metadata\":{");
        // Quoted by Jackson's own escaper, as the mapper would write it, without a generator per page.
        nextCursor.ifPresent(cursor -> {
            JSON_TEXT.quoteAsString(cursor, text.append("\"nextCursor\":\""));
            text.append("\",");
        });
        return text.append("\"count\":").append(count).append("}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] write(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored version could not be serialised", e);
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
            throw new UncheckedIOException(
                    "stored manifest of " + version.serverName() + "@" + version.version() + " is not JSON", e);
        }
    }

    private static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
