package dev.vouch.registry.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.registry.domain.AuthenticationRequiredException;
import dev.vouch.registry.domain.InvalidRequestException;
import dev.vouch.registry.domain.LimitExceededException;
import dev.vouch.registry.domain.NotFoundException;
import dev.vouch.registry.domain.PermissionDeniedException;
import dev.vouch.registry.domain.PublishRejectedException;
import dev.vouch.registry.domain.RateLimitedException;
import dev.vouch.registry.domain.RegistryException;
import dev.vouch.registry.domain.ServiceUnavailableException;
import dev.vouch.registry.domain.VersionConflictException;
import dev.vouch.registry.domain.Violation;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one table from failures to HTTP statuses and stable problem types. */
final class ProblemMapping {

    private static final String TYPE_PREFIX = "urn:vouch:problem:";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapping.class);

    record Kind(int status, String type, String title) {}

    private static final Map<Class<? extends RegistryException>, Kind> DOMAIN = Map.of(
            InvalidRequestException.class, new Kind(400, "invalid-request", "Invalid request"),
            AuthenticationRequiredException.class, new Kind(401, "unauthenticated", "Authentication required"),
            PermissionDeniedException.class, new Kind(403, "forbidden", "Permission denied"),
            NotFoundException.class, new Kind(404, "not-found", "Not found"),
            VersionConflictException.class, new Kind(409, "version-exists", "Version already exists"),
            LimitExceededException.class, new Kind(400, "limit-exceeded", "Registry limit reached"),
            PublishRejectedException.class, new Kind(422, "publish-rejected", "Publish rejected by policy"),
            RateLimitedException.class, new Kind(429, "rate-limited", "Too many requests"),
            ServiceUnavailableException.class, new Kind(503, "unavailable", "Service unavailable"));

    private ProblemMapping() {}

    /** The mapping of a failure class or, for a subclass of a mapped class, of its nearest mapped ancestor. */
    static Optional<Kind> kindOf(Class<?> type) {
        for (Class<?> c = type; c != null && RegistryException.class.isAssignableFrom(c); c = c.getSuperclass()) {
            Kind kind = DOMAIN.get(c);
            if (kind != null) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    static Problem of(RegistryException e) {
        Optional<Kind> found = kindOf(e.getClass());
        if (found.isEmpty()) {
            // Never throw inside the exception mapper: an unmapped kind is a bug, answered as one.
            LOG.error("no problem mapping for {}", e.getClass().getName(), e);
            return internalError();
        }
        Kind kind = found.get();
        List<Violation> errors = e instanceof InvalidRequestException invalid ? invalid.violations() : List.of();
        Map<String, JsonNode> extensions = new LinkedHashMap<>();
        if (e instanceof PublishRejectedException rejected) {
            rejected.report().fields().forEachRemaining(field -> extensions.put(field.getKey(), field.getValue()));
        }
        return new Problem(TYPE_PREFIX + kind.type(), kind.title(), kind.status(), e.getMessage(), errors, extensions);
    }

    /** Failures Javalin raises itself before a handler runs: oversized bodies, unknown routes. */
    static Problem of(HttpResponseException e) {
        Problem plain = ofStatus(e.getStatus());
        return new Problem(plain.type(), plain.title(), plain.status(), e.getMessage(), List.of());
    }

    /** The problem for an HTTP status alone, for answers Jetty gives before any route runs. */
    static Problem ofStatus(int status) {
        String type = switch (status) {
            case 400 -> "bad-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 408 -> "request-timeout";
            case 413 -> "payload-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 431 -> "headers-too-large";
            case 503 -> "unavailable";
            case 505 -> "http-version-not-supported";
            default -> status >= 500 ? "internal-error" : "bad-request";
        };
        String title = switch (status) {
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 408 -> "Request timeout";
            case 413 -> "Payload too large";
            case 414 -> "URI too long";
            case 415 -> "Unsupported media type";
            case 431 -> "Request headers too large";
            case 503 -> "Service unavailable";
            case 505 -> "HTTP version not supported";
            default -> status >= 500 ? "Internal error" : "Bad request";
        };
        String detail = switch (status) {
            case 414 -> "the request URI is longer than the server accepts";
            case 431 -> "the request headers are larger than the server accepts";
            case 400 -> "the request could not be parsed as HTTP, or its path is not acceptable";
            case 404 -> "no resource at this path";
            case 405 -> "this method is not allowed here";
            case 505 -> "the request's HTTP version is not one the registry speaks; use HTTP/1.1";
            default ->
                status >= 500
                        ? "the registry failed to handle this request; the failure is logged"
                        : "the request was refused";
        };
        return new Problem(TYPE_PREFIX + type, title, status, detail, List.of());
    }

    static Problem payloadTooLarge(long limit) {
        return new Problem(
                TYPE_PREFIX + "payload-too-large",
                "Payload too large",
                413,
                "the request body is larger than " + limit + " bytes",
                List.of());
    }

    static Problem notFound(String path) {
        return new Problem(TYPE_PREFIX + "not-found", "Not found", 404, "no resource at " + path, List.of());
    }

    static Problem internalError() {
        return new Problem(
                TYPE_PREFIX + "internal-error",
                "Internal error",
                500,
                "the registry failed to handle this request; the failure is logged",
                List.of());
    }
}
