package dev.vouch.registry.domain;

import java.time.Duration;

/** A client sent more requests of one kind than its limit allows; it may retry after {@code retryAfter}. */
public final class RateLimitedException extends RegistryException {

    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
