package dev.vouch.registry.domain;

/** The request needs a valid token and has none, or one that is unknown or revoked. */
public final class AuthenticationRequiredException extends RegistryException {
    public AuthenticationRequiredException(String message) {
        super(message);
    }
}
