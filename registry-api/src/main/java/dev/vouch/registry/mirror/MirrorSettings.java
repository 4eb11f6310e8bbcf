package dev.vouch.registry.mirror;

import java.net.URI;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Optional;

/**
 * How a mirror reads its upstream: the upstream's base URL, the key its signed snapshot must verify with
 * (when pinned), the page size, and how patient it is: the timeout of one request, how many attempts a
 * request gets, the first backoff (doubled per retry, capped at {@code maxBackoff}) and the longest
 * Retry-After it honours (a longer one fails the run rather than stalling it). {@code workers} servers of a
 * page go through the publish pipeline at once (the versions of one server always in order): while one
 * waits for its commit to reach the disk, the others validate and scan.
 */
public record MirrorSettings(
        URI upstream,
        Optional<PublicKey> upstreamKey,
        int pageSize,
        Duration timeout,
        int attempts,
        Duration firstBackoff,
        Duration maxBackoff,
        Duration maxRetryAfter,
        int workers,
        long maxAnswerBytes) {

    public static final int DEFAULT_PAGE_SIZE = 100;
    /** Largest upstream answer read: a page is far smaller, a signed snapshot of 100,000 versions about 40 MB. */
    public static final long DEFAULT_MAX_ANSWER_BYTES = 64L * 1024 * 1024;

    public static final int DEFAULT_WORKERS = 4;

    public MirrorSettings {
        if (!"http".equals(upstream.getScheme()) && !"https".equals(upstream.getScheme())) {
            throw new IllegalArgumentException("the upstream must be an http(s) URL, not " + upstream);
        }
        if (upstream.getHost() == null) {
            throw new IllegalArgumentException("the upstream URL names no host: " + upstream);
        }
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("the page size must be between 1 and 100");
        }
        if (workers < 1 || workers > 32) {
            throw new IllegalArgumentException("workers must be between 1 and 32");
        }
        if (maxAnswerBytes < 1) {
            throw new IllegalArgumentException("the largest upstream answer must be at least one byte");
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("a request needs at least one attempt");
        }
        String base = upstream.toString();
        upstream = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    /**
     * Settings for the upstream an operator typed.
     *
     * @throws IllegalArgumentException when {@code url} is not an http(s) URL with a host
     */
    public static MirrorSettings of(String url) {
        URI upstream;
        try {
            upstream = new URI(url.trim());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL");
        }
        return of(upstream);
    }

    public static MirrorSettings of(URI upstream) {
        return new MirrorSettings(
                upstream,
                Optional.empty(),
                DEFAULT_PAGE_SIZE,
                Duration.ofSeconds(30),
                5,
                Duration.ofMillis(500),
                Duration.ofSeconds(30),
                Duration.ofMinutes(5),
                DEFAULT_WORKERS,
                DEFAULT_MAX_ANSWER_BYTES);
    }

    public MirrorSettings withUpstreamKey(PublicKey key) {
        return new MirrorSettings(
                upstream,
                Optional.of(key),
                pageSize,
                timeout,
                attempts,
                firstBackoff,
                maxBackoff,
                maxRetryAfter,
                workers,
                maxAnswerBytes);
    }

    public MirrorSettings withTimeout(Duration requestTimeout) {
        return new MirrorSettings(
                upstream,
                upstreamKey,
                pageSize,
                requestTimeout,
                attempts,
                firstBackoff,
                maxBackoff,
                maxRetryAfter,
                workers,
                maxAnswerBytes);
    }

    public MirrorSettings withRetries(int maxAttempts, Duration first, Duration max) {
        return new MirrorSettings(
                upstream,
                upstreamKey,
                pageSize,
                timeout,
                maxAttempts,
                first,
                max,
                maxRetryAfter,
                workers,
                maxAnswerBytes);
    }

    public MirrorSettings withPageSize(int size) {
        return new MirrorSettings(
                upstream,
                upstreamKey,
                size,
                timeout,
                attempts,
                firstBackoff,
                maxBackoff,
                maxRetryAfter,
                workers,
                maxAnswerBytes);
    }

    public MirrorSettings withWorkers(int count) {
        return new MirrorSettings(
                upstream,
                upstreamKey,
                pageSize,
                timeout,
                attempts,
                firstBackoff,
                maxBackoff,
                maxRetryAfter,
                count,
                maxAnswerBytes);
    }

    public MirrorSettings withMaxAnswerBytes(long bytes) {
        return new MirrorSettings(
                upstream,
                upstreamKey,
                pageSize,
                timeout,
                attempts,
                firstBackoff,
                maxBackoff,
                maxRetryAfter,
                workers,
                bytes);
    }

    /** The upstream as recorded with every mirrored version. */
    public String upstreamId() {
        return upstream.toString();
    }
}
