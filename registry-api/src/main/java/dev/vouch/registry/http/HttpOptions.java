package dev.vouch.registry.http;

import dev.vouch.registry.http.limits.RateLimitSettings;
import dev.vouch.registry.http.observability.AccessLog;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How the HTTP server behaves around the API: what one connection may hold of it (body size, threads,
 * timeouts), rate limits, which browser origins may write, where the access log goes, and how long a
 * stop waits for requests in flight, and how soon another process's writes reach the response cache.
 *
 * @param limits           the connection limits: body size, worker threads, idle and body-read timeouts
 * @param corsWriteOrigins origins a browser may write from (reads are open to every origin)
 * @param changePoll       how often the database is asked whether another process (a second node, the CLI)
 *                         wrote: the bound on how long a kept answer may outlive such a write (this
 *                         process's own writes are seen at once)
 */
public record HttpOptions(
        HttpLimits limits,
        RateLimitSettings rateLimits,
        List<String> corsWriteOrigins,
        AccessLog accessLog,
        Duration drainTimeout,
        Duration changePoll) {

    /** How often, by default, other processes' writes are looked for: a few cheap reads a second. */
    public static final Duration DEFAULT_CHANGE_POLL = Duration.ofMillis(250);

    public HttpOptions {
        corsWriteOrigins = List.copyOf(corsWriteOrigins);
        if (drainTimeout.isNegative()) {
            throw new IllegalArgumentException("the drain timeout cannot be negative");
        }
        if (changePoll.isNegative() || changePoll.isZero()) {
            throw new IllegalArgumentException("the change poll interval must be positive");
        }
        for (String origin : corsWriteOrigins) {
            URI uri = URI.create(origin);
            if (uri.getScheme() == null
                    || uri.getHost() == null
                    || !(uri.getPath() == null || uri.getPath().isEmpty())) {
                throw new IllegalArgumentException("a CORS origin is scheme://host[:port], not " + origin);
            }
        }
    }

    public static HttpOptions defaults() {
        return new HttpOptions(
                HttpLimits.defaults(),
                RateLimitSettings.defaults(),
                List.of(),
                AccessLog.stdout(),
                Duration.ofSeconds(20),
                DEFAULT_CHANGE_POLL);
    }

    /** The largest request body; larger ones get 413. */
    public long maxBodyBytes() {
        return limits.maxBodyBytes();
    }

    public HttpOptions withLimits(HttpLimits value) {
        return new HttpOptions(value, rateLimits, corsWriteOrigins, accessLog, drainTimeout, changePoll);
    }

    public HttpOptions withMaxBodyBytes(long value) {
        return withLimits(limits.withMaxBodyBytes(value));
    }

    public HttpOptions withRateLimits(RateLimitSettings value) {
        return new HttpOptions(limits, value, corsWriteOrigins, accessLog, drainTimeout, changePoll);
    }

    public HttpOptions withCorsWriteOrigins(List<String> value) {
        return new HttpOptions(limits, rateLimits, value, accessLog, drainTimeout, changePoll);
    }

    public HttpOptions withAccessLog(AccessLog value) {
        return new HttpOptions(limits, rateLimits, corsWriteOrigins, value, drainTimeout, changePoll);
    }

    public HttpOptions withDrainTimeout(Duration value) {
        return new HttpOptions(limits, rateLimits, corsWriteOrigins, accessLog, value, changePoll);
    }

    public HttpOptions withChangePoll(Duration value) {
        return new HttpOptions(limits, rateLimits, corsWriteOrigins, accessLog, drainTimeout, value);
    }
}
