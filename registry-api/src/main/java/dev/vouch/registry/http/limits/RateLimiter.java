package dev.vouch.registry.http.limits;

import dev.vouch.registry.domain.RateLimitedException;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets (Bucket4j) per limit and key: a client address, or the hash of a bearer token. The
 * buckets live in a bounded LRU map, so a flood of distinct keys costs bounded memory; a key evicted
 * there starts again with a full bucket, which is the price of that bound.
 */
public final class RateLimiter {

    /** The kinds of budget, each with its own buckets. */
    public enum Limit {
        PUBLISH_TOKEN,
        PUBLISH_ADDRESS,
        AUTH_FAILURES,
        EXCHANGES
    }

    private static final int MAX_KEYS = 100_000;
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final RateLimitSettings settings;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_KEYS;
        }
    };

    public RateLimiter(RateLimitSettings settings) {
        this.settings = settings;
    }

    /**
     * Takes one request from the budget.
     *
     * @throws RateLimitedException when the budget is spent, with the time until one request is back
     */
    public void consume(Limit limit, String key) {
        ConsumptionProbe probe = bucket(limit, key).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw limited(limit, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** Records a failure without refusing this request (the failure is already being answered). */
    public void record(Limit limit, String key) {
        bucket(limit, key).tryConsume(1);
    }

    /**
     * Refuses a request when the budget is already spent, without taking from it.
     *
     * @throws RateLimitedException when nothing is left
     */
    public void requireRemaining(Limit limit, String key) {
        Bucket bucket = bucket(limit, key);
        if (bucket.getAvailableTokens() < 1) {
            throw limited(limit, waitFor(bucket));
        }
    }

    private static Duration waitFor(Bucket bucket) {
        return Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }

    private Bucket bucket(Limit limit, String key) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(
                    limit + " " + key,
                    k -> Bucket.builder()
                            .addLimit(b -> b.capacity(perMinute(limit)).refillGreedy(perMinute(limit), WINDOW))
                            .build());
        }
    }

    private int perMinute(Limit limit) {
        return switch (limit) {
            case PUBLISH_TOKEN -> settings.publishPerToken();
            case PUBLISH_ADDRESS -> settings.publishPerAddress();
            case AUTH_FAILURES -> settings.authFailuresPerAddress();
            case EXCHANGES -> settings.exchangesPerAddress();
        };
    }

    private static RateLimitedException limited(Limit limit, Duration wait) {
        String what = switch (limit) {
            case PUBLISH_TOKEN -> "too many publishes with this token";
            case PUBLISH_ADDRESS -> "too many publishes from this address";
            case AUTH_FAILURES -> "too many failed authentications from this address";
            case EXCHANGES -> "too many token exchanges from this address";
        };
        Duration atLeastOneSecond = wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
        return new RateLimitedException(what + "; retry later", atLeastOneSecond);
    }
}
