package dev.vouch.registry.mirror;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.registry.domain.JsonMappers;
import dev.vouch.store.MirrorEntry;
import dev.vouch.store.Store;
import dev.vouch.store.StoredVersion;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The source of a mirrored version as reads show it under {@link MirrorService#META_KEY}: the upstream
 * URL, and the upstream's publishedAt, updatedAt and status. Only versions the mirror published are
 * looked up, so reads of everything else pay nothing.
 */
public final class MirrorSources {

    private static final ObjectMapper JSON = JsonMappers.JSON;

    private final Store store;

    public MirrorSources(Store store) {
        this.store = store;
    }

    public Optional<ObjectNode> of(StoredVersion version) {
        return Optional.ofNullable(of(List.of(version)).get(version.id()));
    }

    /** The sources of the mirrored ones among {@code versions}, by version id, in one read: a list page asks once. */
    public Map<Long, ObjectNode> of(List<StoredVersion> versions) {
        List<Long> mirrored = versions.stream()
                .filter(version -> MirrorService.PRINCIPAL_ID.equals(version.publishedBy()))
                .map(StoredVersion::id)
                .toList();
        if (mirrored.isEmpty()) {
            return Map.of();
        }
        Map<Long, ObjectNode> sources = new HashMap<>();
        store.read(repos -> repos.mirror().byVersionIds(mirrored))
                .forEach((id, entry) -> sources.put(id, render(entry)));
        return sources;
    }

    /**
     * The rejected list an admin reads: {@code {"rejected": [{name, version, manifestSha256, source,
     * checks, recordedAt}]}}, each with the source a read would have shown and every failed check.
     */
    public static ObjectNode rejections(List<MirrorEntry> entries) {
        ObjectNode body = JSON.createObjectNode();
        com.fasterxml.jackson.databind.node.ArrayNode rejected = body.putArray("rejected");
        for (MirrorEntry entry : entries) {
            ObjectNode item = rejected.addObject()
                    .put("name", entry.serverName())
                    .put("version", entry.version())
                    .put("manifestSha256", entry.manifestSha256());
            item.set("source", render(entry));
            item.set("checks", entry.reasons().map(MirrorSources::parse).orElseGet(JSON::createArrayNode));
            item.put("recordedAt", DateTimeFormatter.ISO_INSTANT.format(entry.recordedAt()));
        }
        body.put("count", entries.size());
        return body;
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String reasons) {
        try {
            return JSON.readTree(reasons);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored mirror reasons are not JSON", e);
        }
    }

    private static ObjectNode render(MirrorEntry entry) {
        ObjectNode source = JSON.createObjectNode().put("upstream", entry.upstream());
        entry.upstreamPublishedAt()
                .ifPresent(at -> source.put("publishedAt", DateTimeFormatter.ISO_INSTANT.format(at)));
        entry.upstreamUpdatedAt().ifPresent(at -> source.put("updatedAt", DateTimeFormatter.ISO_INSTANT.format(at)));
        source.put("status", entry.upstreamStatus());
        entry.upstreamStatusMessage().ifPresent(message -> source.put("statusMessage", message));
        return source;
    }
}
