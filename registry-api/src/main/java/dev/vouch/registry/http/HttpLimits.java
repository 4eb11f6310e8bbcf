package dev.vouch.registry.http;

import java.time.Duration;

/**
 * What one client may hold of the server: the largest body, how long a connection may sit idle, how
 * long a request body may take to arrive, and the worker threads. At most half of the workers read
 * request bodies at once, so slow uploads can never take every thread and reads (and health checks)
 * are still answered.
 *
 * @param maxBodyBytes    largest request body; larger ones get 413
 * @param maxThreads      the server's worker pool
 * @param idleTimeout     a connection that sends nothing for this long is closed, and one that completes no
 *                        request's headers in this long (however it trickles them), nor has one in hand, is
 *                        closed within twice this
 * @param bodyReadTimeout a request body must arrive completely within this time, or the request gets 408
 */
public record HttpLimits(long maxBodyBytes, int maxThreads, Duration idleTimeout, Duration bodyReadTimeout) {

    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_THREADS = 200;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_BODY_READ_TIMEOUT = Duration.ofSeconds(20);
    // Jetty keeps an acceptor, a selector and reserved threads out of the pool; below this it cannot serve.
    static final int MIN_THREADS = 8;

    public HttpLimits {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("the body limit must be positive");
        }
        if (maxThreads < MIN_THREADS) {
            throw new IllegalArgumentException("at least " + MIN_THREADS + " worker threads are needed");
        }
        if (idleTimeout.isNegative()
                || idleTimeout.isZero()
                || bodyReadTimeout.isNegative()
                || bodyReadTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    public static HttpLimits defaults() {
        return new HttpLimits(
                DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_THREADS, DEFAULT_IDLE_TIMEOUT, DEFAULT_BODY_READ_TIMEOUT);
    }

    public HttpLimits withMaxBodyBytes(long bytes) {
        return new HttpLimits(bytes, maxThreads, idleTimeout, bodyReadTimeout);
    }

    /** How many requests may be reading their bodies at once: half the pool. */
    int maxConcurrentBodyReads() {
        return Math.max(1, maxThreads / 2);
    }
}
