package dev.vouch.registry.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.registry.Registry;
import dev.vouch.registry.domain.InvalidRequestException;
import dev.vouch.registry.domain.Violation;
import dev.vouch.store.PageKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes the list API's cursor and query parameters on a bounded budget: any cursor the registry issued
 * decodes to the page key it encodes, and any parameters either make a query the store answers or are
 * refused as an invalid request, never another failure.
 */
class ListQueryFuzzTest {

    static Path dir;
    static Registry registry;

    @BeforeContainer
    static void open() throws IOException {
        dir = Files.createTempDirectory("vouch-query-fuzz");
        registry = Registry.openSqlite(dir);
        registry.seedIfEmpty();
    }

    @AfterContainer
    static void close() throws IOException {
        registry.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Property(tries = 1000)
    void everyIssuedCursorDecodesToItsPageKey(@ForAll @StringLength(min = 1, max = 200) String serverName, @ForAll long id) {
        PageKey key = new PageKey(serverName, id);
        String cursor = Cursor.encode(key);
        // Names with lone surrogates cannot round-trip through UTF-8; the registry never issues them.
        if (serverName.chars().noneMatch(c -> Character.isSurrogate((char) c)) && cursor.length() <= 512) {
            assertThat(Cursor.decode(cursor)).isEqualTo(key);
        }
    }

    @Property(tries = 1000)
    void anyCursorTextDecodesOrIsRefused(@ForAll("cursors") String cursor) {
        try {
            Cursor.decode(cursor);
        } catch (InvalidRequestException refused) {
            assertThat(refused.violations()).extracting(Violation::pointer).containsOnly("cursor");
        }
    }

    @Property(tries = 300)
    void anyQueryParametersAreAnsweredOrRefused(@ForAll("values") String cursor, @ForAll("values") String limit,
                                                @ForAll("values") String search, @ForAll("times") String updatedSince,
                                                @ForAll("values") String version, @ForAll("flags") String includeDeleted,
                                                @ForAll("values") String tier, @ForAll("flags") String verified) {
        Map<String, String> params = new HashMap<>();
        params.put("cursor", cursor);
        params.put("limit", limit);
        params.put("search", search);
        params.put("updated_since", updatedSince);
        params.put("version", version);
        params.put("include_deleted", includeDeleted);
        params.put("tier", tier);
        params.put("verified", verified);
        try {
            CatalogService.CatalogPage page = registry.catalog().list(ListRequest.from(params::get));
            assertThat(page.versions().size()).isLessThanOrEqualTo(ListRequest.MAX_LIMIT);
        } catch (InvalidRequestException refused) {
            assertThat(refused.violations()).isNotEmpty();
        }
    }

    @Provide
    Arbitrary<String> cursors() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(600),
                Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/")
                        .ofMaxLength(80),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64)
                        .map(bytes -> Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)));
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.strings().ofMaxLength(300),
                Arbitraries.of("", "0", "1", "100", "101", "-1", "latest", "1.0.0", "verified", "community",
                        "%00", "..", "9999999999999999999"),
                cursors());
    }

    @Provide
    Arbitrary<String> flags() {
        return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of("true", "false", "", "TRUE", "1"),
                Arbitraries.strings().ofMaxLength(10));
    }

    @Provide
    Arbitrary<String> times() {
        return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.strings().ofMaxLength(40),
                Arbitraries.integers().between(-999_999_999, 999_999_999).map(year ->
                        (year >= 0 && year <= 9999 ? String.format("%04d", year) : (year < 0 ? "" : "+") + year)
                                + "-01-01T00:00:00Z"),
                Arbitraries.longs().between(-10_000_000_000_000L, 10_000_000_000_000L)
                        .map(seconds -> java.time.Instant.ofEpochSecond(seconds).toString()));
    }
}
