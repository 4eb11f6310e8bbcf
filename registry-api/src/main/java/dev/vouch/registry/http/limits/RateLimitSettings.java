package dev.vouch.registry.http.limits;

/**
 * Request budgets, each per minute with bursts up to the same number, refilled smoothly.
 *
 * @param publishPerToken publishes by one token
 * @param publishPerAddress publishes from one client address
 * @param authFailuresPerAddress failed authentications (bad, expired or unknown tokens, refused
 *        exchanges) from one client address; once spent, that address's writes and exchanges get 429
 * @param exchangesPerAddress token exchanges from one client address
 */
public record RateLimitSettings(
        int publishPerToken, int publishPerAddress, int authFailuresPerAddress, int exchangesPerAddress) {

    public RateLimitSettings {
        if (publishPerToken < 1 || publishPerAddress < 1 || authFailuresPerAddress < 1 || exchangesPerAddress < 1) {
            throw new IllegalArgumentException("every rate limit must be at least 1 per minute");
        }
    }

    /**
     * Generous for a CI pipeline publishing a release (a few versions a minute), tight for guessing:
     * ten failed authentications a minute per address.
     */
    public static RateLimitSettings defaults() {
        return new RateLimitSettings(30, 60, 10, 30);
    }
}
