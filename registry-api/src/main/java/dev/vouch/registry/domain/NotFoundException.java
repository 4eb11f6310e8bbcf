package dev.vouch.registry.domain;

/** No server, or no such version of it, is visible to this request. */
public final class NotFoundException extends RegistryException {
    public NotFoundException(String message) {
        super(message);
    }
}
