package dev.vouch.registry.domain;

/** The version is already published; versions are immutable. */
public final class VersionConflictException extends RegistryException {
    public VersionConflictException(String message) {
        super(message);
    }
}
