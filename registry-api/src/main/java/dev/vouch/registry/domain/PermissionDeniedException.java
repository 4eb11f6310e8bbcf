package dev.vouch.registry.domain;

/** The token is valid but its role or grants do not cover this action. */
public final class PermissionDeniedException extends RegistryException {
    public PermissionDeniedException(String message) {
        super(message);
    }
}
