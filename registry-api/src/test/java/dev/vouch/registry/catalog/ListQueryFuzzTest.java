package dev.vouch.registry.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.registry.Registry;
import dev.vouch.registry.domain.InvalidRequestException;
import dev.vouch.registry.domain.Violation;
import dev.vouch.registry.fuzz.Fuzz;
import dev.vouch.registry.fuzz.Gen;
import dev.vouch.store.PageKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the list API's cursor and query parameters on a bounded budget: any cursor the registry issued
 * decodes to the page key it encodes, and any parameters either make a query the store answers or are
 * refused as an invalid request, never another failure.
 */
class ListQueryFuzzTest {

    static Path dir;
    static Registry registry;

    @BeforeAll
    static void open() throws IOException {
        dir = Files.createTempDirectory("vouch-query-fuzz");
        registry = Registry.openSqlite(dir);
        registry.seedIfEmpty();
    }

    @AfterAll
    static void close() throws IOException {
        registry.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void everyIssuedCursorDecodesToItsPageKey() {
        Function<Random, PageKey> keys = random -> switch (random.nextInt(3)) {
            case 0 ->
                new PageKey.ByName(
                        Gen.strings(1, 200).apply(random), Gen.longs().apply(random));
            case 1 ->
                new PageKey.ByChange(Gen.longs().apply(random), Gen.longs().apply(random));
            default ->
                new PageKey.ByRelevance(
                        random.nextDouble() * 200 - 100,
                        Gen.longs().apply(random),
                        Gen.longs().apply(random));
        };
        Fuzz.forAll("ListQueryFuzzTest.everyIssuedCursorDecodesToItsPageKey", 1000, keys, key -> {
            String cursor = Cursor.encode(key);
            // Names with lone surrogates cannot round-trip through UTF-8; the registry never issues them.
            boolean encodable = !(key instanceof PageKey.ByName byName)
                    || byName.serverName().chars().noneMatch(c -> Character.isSurrogate((char) c));
            if (encodable && cursor.length() <= 512) {
                assertThat(Cursor.decode(cursor)).isEqualTo(key);
            }
        });
    }

    @Test
    void anyCursorTextDecodesOrIsRefused() {
        Fuzz.forAll("ListQueryFuzzTest.anyCursorTextDecodesOrIsRefused", 1000, cursors(), cursor -> {
            try {
                Cursor.decode(cursor);
            } catch (InvalidRequestException refused) {
                assertThat(refused.violations()).extracting(Violation::pointer).containsOnly("cursor");
            }
        });
    }

    @Test
    void anyQueryParametersAreAnsweredOrRefused() {
        Function<Random, Map<String, String>> parameters = random -> {
            Map<String, String> params = new HashMap<>();
            params.put("cursor", values().apply(random));
            params.put("limit", values().apply(random));
            params.put("search", values().apply(random));
            params.put("updated_since", times().apply(random));
            params.put("version", values().apply(random));
            params.put("include_deleted", flags().apply(random));
            params.put("tier", values().apply(random));
            params.put("verified", flags().apply(random));
            return params;
        };
        Fuzz.forAll("ListQueryFuzzTest.anyQueryParametersAreAnsweredOrRefused", 300, parameters, params -> {
            try {
                CatalogService.CatalogPage page = registry.catalog().list(ListRequest.from(params::get));
                assertThat(page.versions().size()).isLessThanOrEqualTo(ListRequest.MAX_LIMIT);
            } catch (InvalidRequestException refused) {
                assertThat(refused.violations()).isNotEmpty();
            }
        });
    }

    private static Function<Random, String> cursors() {
        return Gen.oneOf(
                Gen.strings(0, 600),
                Gen.strings("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/", 80),
                Gen.bytes(64)
                        .andThen(
                                bytes -> Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)));
    }

    private static Function<Random, String> values() {
        return Gen.oneOf(
                Gen.just(null),
                Gen.strings(0, 300),
                Gen.of(
                        "",
                        "0",
                        "1",
                        "100",
                        "101",
                        "-1",
                        "latest",
                        "1.0.0",
                        "verified",
                        "community",
                        "%00",
                        "..",
                        "9999999999999999999"),
                cursors());
    }

    private static Function<Random, String> flags() {
        return Gen.oneOf(Gen.just(null), Gen.of("true", "false", "", "TRUE", "1"), Gen.strings(0, 10));
    }

    private static Function<Random, String> times() {
        return Gen.oneOf(
                Gen.just(null),
                Gen.strings(0, 40),
                Gen.ints(-999_999_999, 999_999_999)
                        .andThen(year ->
                                (year >= 0 && year <= 9999 ? String.format("%04d", year) : (year < 0 ? "" : "+") + year)
                                        + "-01-01T00:00:00Z"),
                Gen.longs(-10_000_000_000_000L, 10_000_000_000_000L)
                        .andThen(seconds ->
                                java.time.Instant.ofEpochSecond(seconds).toString()));
    }
}
