package dev.vouch.registry.http.limits;

import dev.vouch.registry.domain.AuthenticationRequiredException;
import dev.vouch.registry.domain.Digests;
import dev.vouch.registry.domain.RateLimitedException;
import dev.vouch.registry.domain.RegistryException;
import dev.vouch.registry.http.observability.RequestTelemetry;
import dev.vouch.registry.observability.Metrics;
import dev.vouch.registry.observability.Readiness;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every write passes before its handler: the registry must be ready, the client address must not
 * have spent its failed-authentication budget, and publishes and token exchanges take from their budgets
 * (per address, and for publishes per token too, keyed by the token's hash). Failed authentications are
 * counted, logged and taken from the address's budget after they are answered.
 */
public final class RequestGuard {

    private static final Logger LOG = LoggerFactory.getLogger("vouch.auth");
    private static final Set<HandlerType> WRITES =
            Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private final RateLimiter limiter;
    private final Readiness readiness;
    private final Metrics metrics;

    public RequestGuard(RateLimiter limiter, Readiness readiness, Metrics metrics) {
        this.limiter = limiter;
        this.readiness = readiness;
        this.metrics = metrics;
    }

    /** Runs before every request's handler. */
    public void before(Context ctx) {
        if (!WRITES.contains(ctx.method())) {
            return;
        }
        readiness.requireReady();
        String address = RequestTelemetry.clientAddress(ctx);
        String path = ctx.path();
        try {
            limiter.requireRemaining(RateLimiter.Limit.AUTH_FAILURES, address);
            if (isExchange(path)) {
                limiter.consume(RateLimiter.Limit.EXCHANGES, address);
            }
            if (path.endsWith("/publish")) {
                limiter.consume(RateLimiter.Limit.PUBLISH_ADDRESS, address);
                String authorization = ctx.header("Authorization");
                if (authorization != null) {
                    limiter.consume(
                            RateLimiter.Limit.PUBLISH_TOKEN,
                            Digests.sha256Hex(authorization.trim().getBytes(StandardCharsets.UTF_8)));
                }
            }
        } catch (RateLimitedException e) {
            metrics.rateLimited(
                    path.endsWith("/publish") ? "publish" : isExchange(path) ? "exchange" : "auth_failures");
            LOG.warn(
                    "rate limited: {} {} from {} (request {}): {}",
                    ctx.method(),
                    path,
                    address,
                    RequestTelemetry.requestId(ctx),
                    e.getMessage());
            throw e;
        }
    }

    /** Runs for every domain failure, before it is answered. */
    public void failed(Context ctx, RegistryException e) {
        if (e instanceof AuthenticationRequiredException) {
            String address = RequestTelemetry.clientAddress(ctx);
            limiter.record(RateLimiter.Limit.AUTH_FAILURES, address);
            String path = ctx.path();
            metrics.authFailure(isExchange(path) ? path.substring(path.lastIndexOf('/') + 1) : "bearer");
            LOG.warn(
                    "authentication failed: {} {} from {} (request {}): {}",
                    ctx.method(),
                    path,
                    address,
                    RequestTelemetry.requestId(ctx),
                    e.getMessage());
        }
    }

    private static boolean isExchange(String path) {
        return path.contains("/auth/");
    }
}
