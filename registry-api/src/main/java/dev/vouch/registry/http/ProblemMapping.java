package dev.vouch.registry.http;

import dev.vouch.registry.domain.AuthenticationRequiredException;
import dev.vouch.registry.domain.InvalidRequestException;
import dev.vouch.registry.domain.LimitExceededException;
import dev.vouch.registry.domain.NotFoundException;
import dev.vouch.registry.domain.PermissionDeniedException;
import dev.vouch.registry.domain.PublishRejectedException;
import dev.vouch.registry.domain.RateLimitedException;
import dev.vouch.registry.domain.RegistryException;
import dev.vouch.registry.domain.UnavailableException;
import dev.vouch.registry.domain.VersionConflictException;
import dev.vouch.registry.domain.Violation;
import io.javalin.http.HttpResponseException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one table from failures to HTTP statuses and stable problem types. */
final class ProblemMapping {

    private static final String TYPE_PREFIX = "urn:vouch:problem:";

    private record Kind(int status, String type, String title) {
    }

    private static final Map<Class<? extends RegistryException>, Kind> DOMAIN = Map.of(
            InvalidRequestException.class, new Kind(400, "invalid-request", "Invalid request"),
            AuthenticationRequiredException.class, new Kind(401, "unauthenticated", "Authentication required"),
            PermissionDeniedException.class, new Kind(403, "forbidden", "Permission denied"),
            NotFoundException.class, new Kind(404, "not-found", "Not found"),
            VersionConflictException.class, new Kind(409, "version-exists", "Version already exists"),
            LimitExceededException.class, new Kind(400, "limit-exceeded", "Registry limit reached"),
            PublishRejectedException.class, new Kind(422, "publish-rejected", "Publish rejected by policy"),
            RateLimitedException.class, new Kind(429, "rate-limited", "Too many requests"),
            UnavailableException.class, new Kind(503, "unavailable", "Service unavailable"));

    private ProblemMapping() {
    }

    static Problem of(RegistryException e) {
        Kind kind = DOMAIN.get(e.getClass());
        List<Violation> errors = e instanceof InvalidRequestException invalid ? invalid.violations() : List.of();
        Map<String, JsonNode> extensions = new LinkedHashMap<>();
        if (e instanceof PublishRejectedException rejected) {
            rejected.report().fields().forEachRemaining(field -> extensions.put(field.getKey(), field.getValue()));
        }
        return new Problem(TYPE_PREFIX + kind.type(), kind.title(), kind.status(), e.getMessage(), errors, extensions);
    }

    /** Failures Javalin raises itself before a handler runs: oversized bodies, unknown routes. */
    static Problem of(HttpResponseException e) {
        int status = e.getStatus();
        String type = switch (status) {
            case 413 -> "payload-too-large";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            default -> status >= 500 ? "internal-error" : "bad-request";
        };
        String title = switch (status) {
            case 413 -> "Payload too large";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            default -> status >= 500 ? "Internal error" : "Bad request";
        };
        return new Problem(TYPE_PREFIX + type, title, status, e.getMessage(), List.of());
    }

    static Problem payloadTooLarge(long limit) {
        return new Problem(TYPE_PREFIX + "payload-too-large", "Payload too large", 413,
                "the request body is larger than " + limit + " bytes", List.of());
    }

    static Problem notFound(String path) {
        return new Problem(TYPE_PREFIX + "not-found", "Not found", 404, "no resource at " + path, List.of());
    }

    static Problem internalError() {
        return new Problem(TYPE_PREFIX + "internal-error", "Internal error", 500,
                "the registry failed to handle this request; the failure is logged", List.of());
    }
}
