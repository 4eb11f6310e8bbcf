package dev.vouch.registry.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.vouch.registry.http.observability.RequestTelemetry;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Public reads, served from the bytes of an earlier identical answer while the catalog has not changed.
 *
 * <p>Entries are keyed by the catalog generation and the request URI with its query. The generation is
 * read from memory: a write of this process moves it before the write returns, and a write of another
 * process (a second node on the same database, the CLI on the same SQLite file) within the change poll
 * interval ({@link HttpOptions#changePoll}), so entries kept under an earlier generation become
 * unreachable (they then age out by size). No request reads the database to find out.
 *
 * <p>An answer is kept from the second time its request is asked under one catalog generation, not
 * the first: requests asked once (a crawler's cursors, cache-busting parameters) would otherwise fill the
 * cache with answers nobody asks again, each surviving young collections until evicted, and copying
 * them is what made the collector's pauses the tail of uncached reads. A popular answer is computed
 * twice per change instead of once.
 *
 * <p>Each answer gets a strong ETag, the SHA-256 of its bytes or of a list page's entry digests and framing
 * ({@link AnswerBytes}; so an unrelated write does not change it), {@code If-None-Match} is answered with 304, and the gzip form is computed once and served to
 * clients that accept it, with its own ETag as a different representation.
 */
final class ReadCache {

    /** How fresh a kind of answer may be taken to be by clients and shared caches. */
    enum Freshness {
        /** Lists and the latest version: they change with every publish. */
        LISTING("public, max-age=10"),
        /**
         * One exact version: its manifest never changes, but its status (a yank) and trust summary (a
         * rescan) can, and a yank must reach clients within minutes, not a day.
         */
        EXACT_VERSION("public, max-age=300");

        final String cacheControl;

        Freshness(String cacheControl) {
            this.cacheControl = cacheControl;
        }
    }

    /** Bounded by bytes, so the cache stays well inside a 256 MiB heap. */
    static final long MAX_CACHED_BYTES = 64L * 1024 * 1024;

    /** The request attribute under which {@link CachedReads} leaves the generation it read. */
    static final String GENERATION_ATTRIBUTE = "vouch.catalogGeneration";

    /** How many requests asked once are remembered; a key costs about its own length. */
    private static final int ASKED_ONCE_KEYS = 16_384;

    private final ObjectMapper mapper;
    private final LongSupplier generation;
    private final Cache<String, CachedAnswer> cache;
    private final Cache<String, Boolean> askedOnce = Caffeine.newBuilder()
            .maximumSize(ASKED_ONCE_KEYS)
            .executor(ReadCache::maintainHere)
            .build();
    private final ConcurrentHashMap<String, CompletableFuture<CachedAnswer>> inFlight = new ConcurrentHashMap<>();

    ReadCache(ObjectMapper mapper, LongSupplier generation) {
        this.mapper = mapper;
        this.generation = generation;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(MAX_CACHED_BYTES)
                .weigher((String key, CachedAnswer value) -> value.weight())
                .expireAfterAccess(Duration.ofMinutes(10))
                .executor(ReadCache::maintainHere)
                .build();
    }

    /**
     * Answers {@code ctx} with the JSON of {@code body}, computed only when no answer to the same request
     * is cached for the current catalog. Failures thrown by {@code body} propagate and are not cached.
     */
    void serve(Context ctx, Freshness freshness, Supplier<Object> body) {
        serve(ctx, freshness, "application/json", () -> json(body.get()));
    }

    /** As {@link #serve(Context, Freshness, Supplier)}, for an answer already in bytes of {@code contentType}. */
    void serve(Context ctx, Freshness freshness, String contentType, Supplier<byte[]> body) {
        serveAnswer(ctx, freshness, contentType, () -> AnswerBytes.of(body.get()));
    }

    /** As {@link #serve(Context, Freshness, String, Supplier)}, for bytes whose digest is known already. */
    void serveAnswer(Context ctx, Freshness freshness, String contentType, Supplier<AnswerBytes> body) {
        // The generation CachedReads missed under: a write since then keys this answer under its own.
        Long known = ctx.attribute(GENERATION_ATTRIBUTE);
        long current = known != null ? known : generation.getAsLong();
        answer(
                        current,
                        target(ctx.req().getRequestURI(), ctx.queryString()),
                        freshness,
                        contentType,
                        RequestTelemetry.route(ctx),
                        body)
                .writeTo(ctx);
    }

    /**
     * The answer to this request target under this catalog generation: the kept one, else {@code body}
     * computed (once, however many ask together) and kept from its second request. Failures thrown by
     * {@code body} propagate and are not kept.
     */
    CachedAnswer answer(
            long generation,
            String target,
            Freshness freshness,
            String contentType,
            String route,
            Supplier<AnswerBytes> body) {
        String key = key(generation, target);
        CachedAnswer cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        return computeOnce(key, () -> CachedAnswer.of(body.get(), contentType, freshness.cacheControl, route));
    }

    /**
     * The answer kept for this request target (the raw path and query, as sent) under this catalog
     * generation, if there is one: what {@link CachedReads} answers before the request reaches Javalin.
     */
    CachedAnswer kept(long generation, String target) {
        return cache.getIfPresent(key(generation, target));
    }

    /** The catalog generation now, from memory. */
    long generation() {
        return generation.getAsLong();
    }

    /** The raw path and query as sent, which is what answers are kept under. */
    static String target(String rawPath, String rawQuery) {
        return rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
    }

    /**
     * Runs a cache's upkeep (eviction, the access order) on the request thread that triggers it. Given to
     * the common pool, every few reads woke a thread of it for a few microseconds of work: the wake-up and
     * the switch cost more than the work, on every request that pays it.
     */
    static void maintainHere(Runnable upkeep) {
        upkeep.run();
    }

    private static String key(long generation, String target) {
        return generation + " " + target;
    }

    /**
     * Computes a missing answer once however many requests ask for it together: after a write every
     * reader of a popular page misses at the same moment, and one of them computing it is enough. The
     * others wait for that result, or for its failure, which each then reports as its own.
     */
    private CachedAnswer computeOnce(String key, Supplier<CachedAnswer> compute) {
        CompletableFuture<CachedAnswer> mine = new CompletableFuture<>();
        CompletableFuture<CachedAnswer> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            CachedAnswer cached = compute.get();
            if (askedOnce.asMap().remove(key) != null) {
                cache.put(key, cached);
            } else {
                askedOnce.put(key, Boolean.TRUE);
            }
            mine.complete(cached);
            return cached;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private byte[] json(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a read answer could not be serialised", e);
        }
    }
}
