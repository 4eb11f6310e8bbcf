package dev.vouch.provenance.fetch;

/**
 * Evidence could not be fetched: the registry did not answer in time, refused, or sent something that
 * is not evidence. The message is meant for the publisher, as one reason among the checks.
 */
public final class EvidenceFetchException extends Exception {
    public EvidenceFetchException(String message) {
        super(message);
    }

    public EvidenceFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
