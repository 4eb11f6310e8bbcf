package dev.vouch.registry.domain;

/** A registry limit would be passed, such as the number of versions one server may have. */
public final class LimitExceededException extends RegistryException {
    public LimitExceededException(String message) {
        super(message);
    }
}
