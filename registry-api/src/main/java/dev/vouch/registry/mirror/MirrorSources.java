package dev.vouch.registry.mirror;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.store.MirrorEntry;
import dev.vouch.store.Store;
import dev.vouch.store.StoredVersion;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The source of a mirrored version as reads show it under {@link MirrorService#META_KEY}: the upstream
 * URL, and the upstream's publishedAt, updatedAt and status. Only versions the mirror published are
 * looked up, so reads of everything else pay nothing.
 */
public final class MirrorSources {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;

    public MirrorSources(Store store) {
        this.store = store;
    }

    public Optional<ObjectNode> of(StoredVersion version) {
        if (!MirrorService.PRINCIPAL_ID.equals(version.publishedBy())) {
            return Optional.empty();
        }
        return Optional.ofNullable(store.read(repos -> repos.mirror().byVersionIds(List.of(version.id())))
                .get(version.id())).map(MirrorSources::render);
    }

    private static ObjectNode render(MirrorEntry entry) {
        ObjectNode source = JSON.createObjectNode().put("upstream", entry.upstream());
        entry.upstreamPublishedAt().ifPresent(at -> source.put("publishedAt", DateTimeFormatter.ISO_INSTANT.format(at)));
        entry.upstreamUpdatedAt().ifPresent(at -> source.put("updatedAt", DateTimeFormatter.ISO_INSTANT.format(at)));
        source.put("status", entry.upstreamStatus());
        entry.upstreamStatusMessage().ifPresent(message -> source.put("statusMessage", message));
        return source;
    }
}
