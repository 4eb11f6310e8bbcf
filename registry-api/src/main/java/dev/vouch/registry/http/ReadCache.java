package dev.vouch.registry.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.vouch.registry.domain.Digests;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * Public reads, served from the bytes of an earlier identical answer while the catalog has not changed.
 *
 * <p>Entries are keyed by the catalog change sequence and the request URI with its query. Every write
 * bumps the sequence in the database, and the sequence is read from the database on each request, so
 * a write on any node makes every node's entries unreachable at once (they then age out by size).
 *
 * <p>An answer is kept from the second time its request is asked under one catalog change sequence, not
 * the first: requests asked once (a crawler's cursors, cache-busting parameters) would otherwise fill the
 * cache with answers nobody asks again, each surviving young collections until evicted, and copying
 * them is what made the collector's pauses the tail of uncached reads. A popular answer is computed
 * twice per change instead of once.
 *
 * <p>Each answer gets a strong ETag, the SHA-256 of its bytes (so an unrelated write does not change
 * it), {@code If-None-Match} is answered with 304, and the gzip form is computed once and served to
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

    /** Bodies smaller than this are sent as they are: gzip would save less than its own framing costs. */
    private static final int GZIP_MIN_BYTES = 1024;
    /** Bounded by bytes, so the cache stays well inside a 256 MiB heap. */
    static final long MAX_CACHED_BYTES = 64L * 1024 * 1024;

    private static final String GZIP_ETAG_SUFFIX = "-gzip";
    /** How many requests asked once are remembered; a key costs about its own length. */
    private static final int ASKED_ONCE_KEYS = 16_384;

    private final ObjectMapper mapper;
    private final LongSupplier changeSequence;
    private final Cache<String, Cached> cache;
    private final Cache<String, Boolean> askedOnce =
            Caffeine.newBuilder().maximumSize(ASKED_ONCE_KEYS).build();
    private final ConcurrentHashMap<String, CompletableFuture<Cached>> inFlight = new ConcurrentHashMap<>();

    ReadCache(ObjectMapper mapper, LongSupplier changeSequence) {
        this.mapper = mapper;
        this.changeSequence = changeSequence;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(MAX_CACHED_BYTES)
                .weigher((String key, Cached value) -> value.weight())
                .expireAfterAccess(Duration.ofMinutes(10))
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
        String query = ctx.queryString();
        String key = changeSequence.getAsLong() + " " + ctx.req().getRequestURI() + (query == null ? "" : "?" + query);
        Cached cached = cache.getIfPresent(key);
        if (cached == null) {
            cached = computeOnce(key, () -> Cached.of(body.get(), contentType, freshness));
        }
        cached.writeTo(ctx);
    }

    /**
     * Computes a missing answer once however many requests ask for it together: after a write every
     * reader of a popular page misses at the same moment, and one of them computing it is enough. The
     * others wait for that result, or for its failure, which each then reports as its own.
     */
    private Cached computeOnce(String key, Supplier<Cached> compute) {
        CompletableFuture<Cached> mine = new CompletableFuture<>();
        CompletableFuture<Cached> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            Cached cached = compute.get();
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

    /** One cached answer; its gzip form is made by the first request that accepts gzip, then kept. */
    private static final class Cached {
        private final byte[] body;
        private final String contentType;
        private final String etag;
        private final String cacheControl;
        private volatile byte[] gzip;

        private Cached(byte[] body, String contentType, String etag, String cacheControl) {
            this.body = body;
            this.contentType = contentType;
            this.etag = etag;
            this.cacheControl = cacheControl;
        }

        static Cached of(byte[] body, String contentType, Freshness freshness) {
            return new Cached(body, contentType, "\"" + digest(body) + "\"", freshness.cacheControl);
        }

        /** Counts the gzip form as if present: it is at most about the body's size, and weights are fixed. */
        int weight() {
            return 2 * body.length + 128;
        }

        void writeTo(Context ctx) {
            boolean gzipped = body.length >= GZIP_MIN_BYTES && acceptsGzip(ctx.header("Accept-Encoding"));
            String tag = gzipped ? etag.substring(0, etag.length() - 1) + GZIP_ETAG_SUFFIX + "\"" : etag;
            ctx.header("ETag", tag);
            ctx.header("Cache-Control", cacheControl);
            ctx.header("Vary", "Accept-Encoding");
            if (matches(ctx.header("If-None-Match"))) {
                ctx.status(304);
                return;
            }
            ctx.contentType(contentType);
            if (gzipped) {
                byte[] compressed = gzip;
                if (compressed == null) {
                    compressed = gzip(body);
                    gzip = compressed;
                }
                ctx.header("Content-Encoding", "gzip");
                ctx.result(compressed);
            } else {
                ctx.result(body);
            }
        }

        /** RFC 9110 weak comparison: either representation's tag, with or without W/, or *. */
        private boolean matches(String ifNoneMatch) {
            if (ifNoneMatch == null) {
                return false;
            }
            String opaque = etag.substring(1, etag.length() - 1);
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.trim();
                if (tag.equals("*")) {
                    return true;
                }
                if (tag.startsWith("W/")) {
                    tag = tag.substring(2);
                }
                if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                    tag = tag.substring(1, tag.length() - 1);
                    if (tag.endsWith(GZIP_ETAG_SUFFIX)) {
                        tag = tag.substring(0, tag.length() - GZIP_ETAG_SUFFIX.length());
                    }
                    if (tag.equals(opaque)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static boolean acceptsGzip(String acceptEncoding) {
            if (acceptEncoding == null) {
                return false;
            }
            for (String coding : acceptEncoding.split(",")) {
                String[] parts = coding.trim().split(";");
                if (parts[0].trim().equalsIgnoreCase("gzip")) {
                    return parts.length < 2 || !parts[1].replace(" ", "").matches("q=0(\\.0*)?");
                }
            }
            return false;
        }

        private static String digest(byte[] body) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Digests.sha256(body));
        }

        private static byte[] gzip(byte[] body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                gzip.write(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }
}
