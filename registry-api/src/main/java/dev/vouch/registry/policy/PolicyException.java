package dev.vouch.registry.policy;

/** The policy file is invalid; the registry refuses to run on a policy it cannot read. */
public final class PolicyException extends RuntimeException {
    public PolicyException(String message) {
        super(message);
    }
}
