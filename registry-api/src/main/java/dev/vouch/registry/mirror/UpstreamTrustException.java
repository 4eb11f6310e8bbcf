package dev.vouch.registry.mirror;

/**
 * The upstream's feed is not what its signed snapshot, checked against the pinned key, says it serves:
 * the mirror fails closed and applies nothing from the page that failed.
 */
public final class UpstreamTrustException extends MirrorException {

    public UpstreamTrustException(String message) {
        super(message);
    }

    public UpstreamTrustException(String message, Throwable cause) {
        super(message, cause);
    }
}
