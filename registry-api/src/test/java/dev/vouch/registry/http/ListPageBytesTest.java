package dev.vouch.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.registry.catalog.CatalogService;
import dev.vouch.registry.catalog.ListRequest;
import dev.vouch.registry.domain.Digests;
import dev.vouch.registry.domain.JsonMappers;
import dev.vouch.registry.mirror.MirrorSources;
import dev.vouch.store.NewVersion;
import dev.vouch.store.ReviewState;
import dev.vouch.store.Store;
import dev.vouch.store.StoredVersion;
import dev.vouch.store.VersionStamp;
import dev.vouch.store.VersionStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A list page assembled from stamps and cached entry bytes is byte for byte the page serialised whole
 * from the stored versions, whether none, all or some of its entries were cached, and after changes.
 */
class ListPageBytesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir
    Path dataDir;

    Store store;
    CatalogService catalog;
    ServerJson json;
    ObjectMapper mapper = JsonMappers.forHttp();

    @BeforeEach
    void open() {
        store = Store.openSqlite(dataDir);
        catalog = new CatalogService(store, Clock.fixed(T0, ZoneOffset.UTC));
        json = new ServerJson(mapper, new MirrorSources(store));
        store.write(repos -> {
            for (int s = 0; s < 4; s++) {
                for (int v = 0; v < 3; v++) {
                    repos.versions().insert(version("io.github.acme/server-" + s, "1.0." + v, v == 2, s * 3 + v));
                }
            }
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aPageFromCachedEntriesIsTheWholeSerialisedPageByteForByte() {
        Map<String, String> firstPage = Map.of("limit", "5");
        assertSameBytes(firstPage);
        assertSameBytes(firstPage);

        Map<String, String> deeper = new HashMap<>(Map.of("limit", "4"));
        deeper.put(
                "cursor",
                catalog.list(ListRequest.from(Map.of("limit", "3")::get))
                        .nextCursor()
                        .orElseThrow());
        assertSameBytes(deeper);
        assertSameBytes(Map.of("version", "latest"));
        assertSameBytes(Map.of("search", "server", "limit", "4"));
        assertSameBytes(Map.of("updated_since", T0.toString(), "limit", "7"));
        assertSameBytes(Map.of());
    }

    @Test
    void aChangedVersionIsWrittenAsItIsNowAmongCachedEntries() {
        assertSameBytes(Map.of("limit", "6"));
        store.write(repos -> repos.versions()
                .updateStatus(
                        "io.github.acme/server-0",
                        Optional.of("1.0.1"),
                        VersionStatus.DEPRECATED,
                        Optional.of("use 1.0.2"),
                        T0.plusSeconds(100)));

        assertSameBytes(Map.of("limit", "6"));
        assertThat(new String(listBytes(Map.of("limit", "6")), StandardCharsets.UTF_8))
                .contains("\"status\":\"deprecated\",\"statusMessage\":\"use 1.0.2\"");
    }

    @Test
    void aVersionChangedBetweenItsStampAndItsLoadIsWrittenAsLoaded() {
        List<VersionStamp> stamps =
                catalog.listStamps(ListRequest.from(Map.of("limit", "2")::get)).stamps();
        store.write(repos -> repos.versions()
                .updateStatus(
                        "io.github.acme/server-0",
                        Optional.of("1.0.0"),
                        VersionStatus.DELETED,
                        Optional.empty(),
                        T0.plusSeconds(100)));

        String page = new String(
                json.listBytes(stamps, catalog::listed, Optional.empty()).bytes(), StandardCharsets.UTF_8);

        assertThat(page).contains("\"status\":\"deleted\"").endsWith("\"count\":2}}");
    }

    @Test
    void everyVersionOfOneServerFromCachedEntriesIsTheWholeSerialisedList() throws Exception {
        for (int round = 0; round < 2; round++) {
            List<StoredVersion> versions = catalog.versions("io.github.acme/server-2", false);
            byte[] whole = mapper.writeValueAsBytes(json.list(versions, Optional.empty()));
            byte[] assembled = json.listBytes(
                            catalog.versionStamps("io.github.acme/server-2", false), catalog::listed, Optional.empty())
                    .bytes();
            assertThat(new String(assembled, StandardCharsets.UTF_8))
                    .isEqualTo(new String(whole, StandardCharsets.UTF_8));
        }
    }

    @Test
    void aPagesDigestIsTheSameForTheSameBytesAndChangesWithAnyOfThem() {
        AnswerBytes cold = answer(Map.of("limit", "6"));
        AnswerBytes warm = answer(Map.of("limit", "6"));
        assertThat(warm.sha256()).isEqualTo(cold.sha256());
        assertThat(answer(Map.of("limit", "5")).sha256()).isNotEqualTo(cold.sha256());

        store.write(repos -> repos.versions()
                .updateStatus(
                        "io.github.acme/server-1",
                        Optional.of("1.0.0"),
                        VersionStatus.DEPRECATED,
                        Optional.empty(),
                        T0.plusSeconds(100)));

        AnswerBytes changed = answer(Map.of("limit", "6"));
        assertThat(changed.bytes()).isNotEqualTo(cold.bytes());
        assertThat(changed.sha256()).isNotEqualTo(cold.sha256());
        StoredVersion one = catalog.version("io.github.acme/server-1", "1.0.0", false);
        AnswerBytes single = json.responseBytes(one);
        assertThat(single.sha256()).isEqualTo(Digests.sha256(single.bytes()));
    }

    private AnswerBytes answer(Map<String, String> params) {
        CatalogService.StampPage page = catalog.listStamps(ListRequest.from(params::get));
        return json.listBytes(page.stamps(), catalog::listed, page.nextCursor());
    }

    private void assertSameBytes(Map<String, String> params) {
        CatalogService.CatalogPage page = catalog.list(ListRequest.from(params::get));
        byte[] whole;
        try {
            whole = mapper.writeValueAsBytes(json.list(page.versions(), page.nextCursor()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        assertThat(new String(listBytes(params), StandardCharsets.UTF_8))
                .as("%s", params)
                .isEqualTo(new String(whole, StandardCharsets.UTF_8));
    }

    private byte[] listBytes(Map<String, String> params) {
        return answer(params).bytes();
    }

    private static NewVersion version(String name, String version, boolean latest, int order) {
        String manifest = "{\"name\": \"" + name + "\", \"description\": \"A server\",\n \"version\": \"" + version
                + "\", \"packages\": [{\"registryType\": \"oci\", \"identifier\": \"ghcr.io/acme/x:" + version
                + "\", \"transport\": {\"type\": \"stdio\"}}]}";
        return new NewVersion(
                name,
                version,
                manifest.getBytes(StandardCharsets.UTF_8),
                "0".repeat(64),
                "A server",
                Optional.empty(),
                Optional.of("[]".getBytes(StandardCharsets.UTF_8)),
                T0.plusSeconds(order),
                latest,
                "test",
                ReviewState.PUBLISHED,
                "community",
                Optional.of("{\"tier\":\"community\",\"flagged\":false}".getBytes(StandardCharsets.UTF_8)),
                Optional.of("{}".getBytes(StandardCharsets.UTF_8)),
                Optional.of("sha256:" + "1".repeat(64)));
    }
}
