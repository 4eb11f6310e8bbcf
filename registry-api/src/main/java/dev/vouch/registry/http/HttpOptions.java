package dev.vouch.registry.http;

import dev.vouch.registry.http.limits.RateLimitSettings;
import dev.vouch.registry.http.observability.AccessLog;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How the HTTP server behaves around the API: body limit, rate limits, which browser origins may write,
 * where the access log goes, and how long a stop waits for requests in flight.
 *
 * @param corsWriteOrigins origins a browser may write from (reads are open to every origin)
 */
public record HttpOptions(long maxBodyBytes, RateLimitSettings rateLimits, List<String> corsWriteOrigins,
                          AccessLog accessLog, Duration drainTimeout) {

    public HttpOptions {
        corsWriteOrigins = List.copyOf(corsWriteOrigins);
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("the body limit must be positive");
        }
        if (drainTimeout.isNegative()) {
            throw new IllegalArgumentException("the drain timeout cannot be negative");
        }
        for (String origin : corsWriteOrigins) {
            URI uri = URI.create(origin);
            if (uri.getScheme() == null || uri.getHost() == null || !(uri.getPath() == null || uri.getPath().isEmpty())) {
                throw new IllegalArgumentException("a CORS origin is scheme://host[:port], not " + origin);
            }
        }
    }

    public static HttpOptions defaults() {
        return new HttpOptions(ApiServer.DEFAULT_MAX_BODY_BYTES, RateLimitSettings.defaults(), List.of(),
                AccessLog.stdout(), Duration.ofSeconds(20));
    }

    public HttpOptions withMaxBodyBytes(long value) {
        return new HttpOptions(value, rateLimits, corsWriteOrigins, accessLog, drainTimeout);
    }

    public HttpOptions withRateLimits(RateLimitSettings value) {
        return new HttpOptions(maxBodyBytes, value, corsWriteOrigins, accessLog, drainTimeout);
    }

    public HttpOptions withCorsWriteOrigins(List<String> value) {
        return new HttpOptions(maxBodyBytes, rateLimits, value, accessLog, drainTimeout);
    }

    public HttpOptions withAccessLog(AccessLog value) {
        return new HttpOptions(maxBodyBytes, rateLimits, corsWriteOrigins, value, drainTimeout);
    }

    public HttpOptions withDrainTimeout(Duration value) {
        return new HttpOptions(maxBodyBytes, rateLimits, corsWriteOrigins, accessLog, value);
    }
}
