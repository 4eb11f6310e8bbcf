package dev.vouch.registry.mirror;

/**
 * A mirror run cannot go on: the upstream cannot be reached after every retry, answers what no retry
 * fixes, loops its cursors, or fails the pinned-key check. What was applied before it stays applied and
 * the checkpoint stays at the last page fully applied.
 */
public class MirrorException extends RuntimeException {

    public MirrorException(String message) {
        super(message);
    }

    public MirrorException(String message, Throwable cause) {
        super(message, cause);
    }
}
