package dev.vouch.registry.domain;

/**
 * Something the registry needs to decide safely is out of reach (the policy file cannot be read): the
 * request is refused rather than decided on a guess.
 */
public final class ServiceUnavailableException extends RegistryException {
    public ServiceUnavailableException(String message) {
        super(message);
    }
}
