package dev.vouch.registry.domain;

/**
 * The registry cannot decide this request safely now: something it needs is out of reach (the policy
 * file cannot be read), it is not ready yet (still migrating or seeding) or no longer (draining to stop).
 * The request is refused rather than decided on a guess; the client may retry.
 */
public final class ServiceUnavailableException extends RegistryException {
    public ServiceUnavailableException(String message) {
        super(message);
    }
}
