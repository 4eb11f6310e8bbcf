package dev.vouch.registry.domain;

/**
 * The root of the domain's failures. Each subclass names one kind of problem; the HTTP layer maps the
 * kinds to statuses in one table, so nothing in the domain knows about HTTP.
 */
public abstract sealed class RegistryException extends RuntimeException
        permits AuthenticationRequiredException,
                InvalidRequestException,
                NotFoundException,
                PermissionDeniedException,
                VersionConflictException,
                LimitExceededException,
                PublishRejectedException,
                RateLimitedException,
                ServiceUnavailableException {

    protected RegistryException(String message) {
        super(message);
    }
}
