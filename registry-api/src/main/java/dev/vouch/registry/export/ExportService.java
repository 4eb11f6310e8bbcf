package dev.vouch.registry.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.registry.domain.InvalidRequestException;
import dev.vouch.registry.domain.JsonMappers;
import dev.vouch.registry.domain.Tier;
import dev.vouch.store.Page;
import dev.vouch.store.PageKey;
import dev.vouch.store.Store;
import dev.vouch.store.StoredVersion;
import dev.vouch.store.VersionQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Catalog exports for runtimes: the latest served version of every server the operator's tier admits. */
public final class ExportService {

    private static final ObjectMapper JSON = JsonMappers.JSON;
    private static final int PAGE = 100;

    private final Store store;

    public ExportService(Store store) {
        this.store = store;
    }

    /**
     * Docker MCP gateway's catalog.yaml of the latest version of every server that is not deleted and not
     * flagged by a rescan, of {@code tier} when one is given ({@code verified} admits only verified
     * versions).
     *
     * @throws InvalidRequestException when the tier is not one Vouch assigns
     */
    public byte[] dockerCatalog(Optional<String> tier) {
        tier.filter(t -> Tier.fromWire(t).isEmpty()).ifPresent(t -> {
            throw InvalidRequestException.of("tier", "tier must be one of " + Tier.wireNames());
        });
        List<DockerCatalog.Source> sources = new ArrayList<>();
        Optional<PageKey> after = Optional.empty();
        do {
            VersionQuery query = new VersionQuery(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(new VersionQuery.VersionSelector.Latest()),
                    false,
                    tier.filter(Tier.VERIFIED.wireName()::equals),
                    after,
                    PAGE);
            Page<StoredVersion> page = store.read(repos -> repos.versions().list(query));
            store.read(repos -> repos.versions().withDetails(page.items())).stream()
                    .filter(version -> !flagged(version))
                    .map(ExportService::source)
                    .forEach(sources::add);
            after = page.next();
        } while (after.isPresent());
        String suffix = tier.map(t -> "-" + t).orElse("");
        return DockerCatalog.yaml(
                "vouch" + suffix,
                "Vouch catalog" + tier.map(t -> " (" + t + ")").orElse(""),
                sources);
    }

    private static boolean flagged(StoredVersion version) {
        return version.trust()
                .map(ExportService::json)
                .map(trust -> trust.path("flagged").asBoolean(false))
                .orElse(false);
    }

    private static DockerCatalog.Source source(StoredVersion version) {
        Map<String, String> toolDigests = new TreeMap<>();
        version.report()
                .map(ExportService::json)
                .ifPresent(report -> report.path("scan")
                        .path("tools")
                        .forEach(tool -> toolDigests.put(
                                tool.path("name").asText(), tool.path("digest").asText())));
        return new DockerCatalog.Source(
                json(version.manifest()),
                version.tools().map(ExportService::json),
                toolDigests,
                version.version(),
                version.tier(),
                version.manifestSha256(),
                version.toolsDigest(),
                version.publishedAt());
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored document is not JSON", e);
        }
    }
}
