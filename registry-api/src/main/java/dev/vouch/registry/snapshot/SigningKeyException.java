package dev.vouch.registry.snapshot;

/** The registry's signing key cannot be created, read or used as given; the registry does not start. */
public final class SigningKeyException extends RuntimeException {

    public SigningKeyException(String message) {
        super(message);
    }

    public SigningKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
