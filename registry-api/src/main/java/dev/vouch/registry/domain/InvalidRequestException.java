package dev.vouch.registry.domain;

import java.util.List;

/** The request cannot be acted on as sent: malformed JSON, an invalid manifest, a bad query parameter. */
public final class InvalidRequestException extends RegistryException {

    private final List<Violation> violations;

    public InvalidRequestException(String message, List<Violation> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    public InvalidRequestException(String message) {
        this(message, List.of());
    }

    public static InvalidRequestException of(String pointer, String message) {
        return new InvalidRequestException(message, List.of(new Violation(pointer, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
