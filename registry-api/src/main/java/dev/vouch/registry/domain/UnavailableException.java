package dev.vouch.registry.domain;

/** The registry cannot take this request yet (still migrating or seeding) or any more (draining to stop). */
public final class UnavailableException extends RegistryException {
    public UnavailableException(String message) {
        super(message);
    }
}
