package dev.vouch.registry.snapshot;

/** A snapshot that does not verify, or cannot be trusted: the reason names what failed. */
public final class SnapshotException extends RuntimeException {

    public SnapshotException(String message) {
        super(message);
    }

    public SnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
